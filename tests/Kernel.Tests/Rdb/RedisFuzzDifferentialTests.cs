using RedisOnMySql.Kernel.Rdb;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbModel;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Randomly damaged payloads (bytes changed, bodies cut, footers made right again), each RESTOREd into redis-server
/// with sanitize-dump-payload yes: we accept exactly what it accepts, with the same contents. (Exploratory runs of
/// 80,000 cases with other seeds agreed too; a third of them decode.)
/// </summary>
[Collection(RedisOracleCollection.Name)]
public class RedisFuzzDifferentialTests(RedisOracle redis)
{
    [Fact]
    public async Task Mutations_are_accepted_or_refused_as_redis_does()
    {
        var random = new Random(2024);
        var bodies = DumpPayloadFuzzTests.Samples.SelectMany(v => new[] { true, false }.Select(c => DumpPayload.Encode(v, new RdbEncodingOptions { RdbCompression = c })[..^10]))
            .Concat(RedisLegacyPayloadTests.Payloads.Select(row => (byte[])row[1]))
            .ToArray();
        var disagreements = new List<string>();
        await using (await redis.ConfigAsync(("sanitize-dump-payload", "yes")))
        {
            for (var i = 0; i < 5000; i++)
            {
                // One or two bytes take a random value or one near another byte of the body (lengths and markers
                // close to the real ones get furthest), and a quarter of the bodies are cut short.
                var body = (byte[])bodies[random.Next(bodies.Length)].Clone();
                for (var k = random.Next(1, 3); k > 0; k--)
                {
                    body[random.Next(body.Length)] = random.Next(3) == 0
                        ? (byte)random.Next(256)
                        : (byte)(body[random.Next(body.Length)] + random.Next(-2, 3));
                }
                if (random.Next(4) == 0) body = body[..random.Next(body.Length + 1)];
                var payload = RdbPayloads.WithFooter(body);
                var key = RedisOracle.NewKey("fuzz");
                var redisError = await redis.RestoreAsync(key, payload);
                var ours = DumpPayload.TryDecode(payload, out var decoded, out var error);
                if (ours != (redisError == null))
                    disagreements.Add($"{Convert.ToHexString(payload)}: redis {redisError ?? "OK"}, ours {error?.Detail ?? "OK"}");
                else if (ours && Describe(await redis.ReadAsync(key)) != Describe(decoded!))
                    disagreements.Add($"{Convert.ToHexString(payload)}: contents differ");
                await redis.Db.KeyDeleteAsync(key);
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(30)) + $"\n({disagreements.Count})");
    }
}
