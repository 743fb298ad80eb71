namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// The register-wise maximum of several HyperLogLogs, one byte per register (Redis's internal raw encoding): the
/// union PFCOUNT of several keys estimates and PFMERGE stores.
/// </summary>
internal sealed class HllUnion
{
    private readonly byte[] _max = new byte[HllValue.RegisterCount];

    /// <summary>Whether a dense value took part, which makes PFMERGE's destination dense.</summary>
    public bool HasDense { get; private set; }

    public void Add(HllValue value)
    {
        HasDense |= value.Encoding == HllEncoding.Dense;
        value.MaxInto(_max);
    }

    public ulong Count()
    {
        Span<int> histogram = stackalloc int[HllEstimator.HistogramSize];
        foreach (byte register in _max) histogram[register]++;
        return HllEstimator.Estimate(histogram);
    }

    /// <summary>Raises <paramref name="target"/>'s registers to the union's, in register order as Redis does.</summary>
    public void RaiseInto(HllValue target)
    {
        for (int i = 0; i < _max.Length; i++)
            if (_max[i] != 0) target.Raise(i, _max[i]);
    }
}
