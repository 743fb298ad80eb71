using Xunit.Abstractions;
using Xunit.Sdk;

namespace RedisOnMySql.Differential.Tests;

/// <summary>Makes each data row of a <see cref="CaseTheoryAttribute"/> theory a <see cref="NamedCaseTestCase"/>.</summary>
public sealed class CaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
    [
        new NamedCaseTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow),
    ];
}
