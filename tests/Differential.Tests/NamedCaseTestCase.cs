using Xunit.Abstractions;
using Xunit.Sdk;

namespace RedisOnMySql.Differential.Tests;

/// <summary>A test case of one differential case, displayed as "family: case name" so a failure names it plainly.</summary>
public sealed class NamedCaseTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public NamedCaseTestCase()
    {
    }

    public NamedCaseTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay,
        TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod, object[] arguments)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, arguments)
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        $"{TestMethodArguments[0]}: {TestMethodArguments[1]}";
}
