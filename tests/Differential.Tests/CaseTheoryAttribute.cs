using Xunit.Sdk;

namespace RedisOnMySql.Differential.Tests;

/// <summary>A theory whose data rows are (family, case name) and whose test cases are displayed as "family: case name".</summary>
[XunitTestCaseDiscoverer("RedisOnMySql.Differential.Tests.CaseTheoryDiscoverer", "RedisOnMySql.Differential.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CaseTheoryAttribute : TheoryAttribute;
