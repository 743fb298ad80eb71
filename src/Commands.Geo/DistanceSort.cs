namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// Orders matches by distance exactly as Redis does, ties included: the whole result with the C library's qsort (glibc's
/// merge sort: stable, so ties keep the order the cells were read in), or, when COUNT keeps fewer, Redis's partial
/// quicksort (pqsort: Bentley and McIlroy's quicksort that only sorts the parts holding the first COUNT places, whose
/// ties come out in the order its swaps leave them).
/// </summary>
internal static class DistanceSort
{
    /// <summary>Sorts <paramref name="matches"/> ascending or descending; only the first <paramref name="kept"/> places need be right.</summary>
    public static void Sort(Span<GeoMatch> matches, bool descending, int kept)
    {
        Comparison<GeoMatch> compare = descending ? (a, b) => -Ascending(a, b) : Ascending;
        if (kept == matches.Length) MergeSort(matches, new GeoMatch[matches.Length], compare);
        else PartialQuicksort(matches, 0, matches.Length, compare, 0, kept - 1);
    }

    /// <summary>Redis's sort_gp_asc, including what it says of a NaN distance (less than anything).</summary>
    private static int Ascending(GeoMatch a, GeoMatch b) => a.Distance > b.Distance ? 1 : a.Distance == b.Distance ? 0 : -1;

    /// <summary>glibc's msort: sort both halves (the first of n/2 items), then merge taking from the first half on ties.</summary>
    private static void MergeSort(Span<GeoMatch> items, Span<GeoMatch> scratch, Comparison<GeoMatch> compare)
    {
        if (items.Length <= 1) return;
        int half = items.Length / 2;
        MergeSort(items[..half], scratch, compare);
        MergeSort(items[half..], scratch, compare);
        int left = 0, right = half, merged = 0;
        while (left < half && right < items.Length)
            scratch[merged++] = compare(items[left], items[right]) <= 0 ? items[left++] : items[right++];
        while (left < half) scratch[merged++] = items[left++];
        // What is left of the second half is already in place.
        scratch[..merged].CopyTo(items);
    }

    /// <summary>
    /// pqsort over <paramref name="count"/> items from <paramref name="start"/>, sorting only the parts that hold places
    /// <paramref name="first"/>..<paramref name="last"/>.
    /// </summary>
    private static void PartialQuicksort(Span<GeoMatch> a, int start, int count, Comparison<GeoMatch> compare, int first, int last)
    {
        while (true)
        {
            if (count < 7)
            {
                for (int m = start + 1; m < start + count; m++)
                {
                    for (int l = m; l > start && compare(a[l - 1], a[l]) > 0; l--) Swap(a, l, l - 1);
                }
                return;
            }
            int pivot = start + count / 2;
            if (count > 7)
            {
                int low = start, high = start + count - 1;
                if (count > 40)
                {
                    int d = count / 8;
                    low = MedianOfThree(a, low, low + d, low + 2 * d, compare);
                    pivot = MedianOfThree(a, pivot - d, pivot, pivot + d, compare);
                    high = MedianOfThree(a, high - 2 * d, high - d, high, compare);
                }
                pivot = MedianOfThree(a, low, pivot, high, compare);
            }
            Swap(a, start, pivot);
            // Items equal to the pivot gather at both ends ([start, equalLow) and (equalHigh, end)) while the rest partition.
            int equalLow = start + 1, below = start + 1, above = start + count - 1, equalHigh = start + count - 1;
            while (true)
            {
                int order;
                while (below <= above && (order = compare(a[below], a[start])) <= 0)
                {
                    if (order == 0) Swap(a, equalLow++, below);
                    below++;
                }
                while (below <= above && (order = compare(a[above], a[start])) >= 0)
                {
                    if (order == 0) Swap(a, above, equalHigh--);
                    above--;
                }
                if (below > above) break;
                Swap(a, below++, above--);
            }
            int end = start + count;
            int moved = Math.Min(equalLow - start, below - equalLow);
            SwapBlocks(a, start, below - moved, moved);
            moved = Math.Min(equalHigh - above, end - equalHigh - 1);
            SwapBlocks(a, below, end - moved, moved);
            int lesser = below - equalLow;
            if (lesser > 1 && Overlaps(start, lesser, first, last)) PartialQuicksort(a, start, lesser, compare, first, last);
            int greater = equalHigh - above;
            if (greater <= 1 || !Overlaps(end - greater, greater, first, last)) return;
            start = end - greater;
            count = greater;
        }
    }

    /// <summary>Whether the part of <paramref name="count"/> items from <paramref name="start"/> holds a wanted place.</summary>
    private static bool Overlaps(int start, int count, int first, int last) =>
        !((first < start && last < start) || (first > start + count - 1 && last > start + count - 1));

    private static int MedianOfThree(Span<GeoMatch> a, int x, int y, int z, Comparison<GeoMatch> compare) =>
        compare(a[x], a[y]) < 0
            ? compare(a[y], a[z]) < 0 ? y : compare(a[x], a[z]) < 0 ? z : x
            : compare(a[y], a[z]) > 0 ? y : compare(a[x], a[z]) < 0 ? x : z;

    private static void Swap(Span<GeoMatch> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);

    private static void SwapBlocks(Span<GeoMatch> a, int from, int to, int count)
    {
        for (int i = 0; i < count; i++) Swap(a, from + i, to + i);
    }
}
