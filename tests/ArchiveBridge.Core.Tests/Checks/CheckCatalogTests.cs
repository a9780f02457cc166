using System.Reflection;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Tests.Checks;

public class CheckCatalogTests
{
    [Fact]
    public void All_DefinesEveryCheckIdConstantOnce()
    {
        var constants = typeof(CheckId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).Order().ToList();

        Assert.Equal(constants, CheckCatalog.All.Select(d => d.Id).Order());
    }

    [Fact]
    public void All_IdPrefixNamesTheProperty()
    {
        Assert.All(CheckCatalog.All, d => Assert.StartsWith(d.Property.ToString().ToLowerInvariant() + ".", d.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CheckProperty.Authenticity, "真实性")]
    [InlineData(CheckProperty.Integrity, "完整性")]
    [InlineData(CheckProperty.Usability, "可用性")]
    [InlineData(CheckProperty.Security, "安全性")]
    public void ToChinese_EachProperty_ItsName(CheckProperty property, string name)
    {
        Assert.Equal(name, property.ToChinese());
    }

    [Fact]
    public void ToProblem_FailedResult_CheckFailedWithIdAndSubject()
    {
        var result = new CheckResult(CheckId.NotEmpty, CheckProperty.Usability, CheckLevel.Block, false, "the file is empty", "文件为空", "a.pdf");

        var problem = result.ToProblem();

        Assert.Equal(ReasonCodes.CheckFailed, problem.Reason);
        Assert.Equal("a.pdf", problem.Field);
        Assert.Equal("usability.not_empty: the file is empty", problem.Message);
        Assert.Equal("usability.not_empty: 文件为空", problem.MessageZh);
        Assert.Equal("BLOCK usability.not_empty [a.pdf]: the file is empty", result.ToString());
    }
}
