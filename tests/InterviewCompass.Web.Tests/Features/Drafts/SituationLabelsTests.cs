using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class SituationLabelsTests
{
    [Fact]
    public void EverySituationInTheContentIsOfferedInWordsNotAsItsId()
    {
        var situations = RealContent.Catalog.MessageKinds.SelectMany(k => k.Situations).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(situations);
        Assert.All(situations, s =>
        {
            Assert.True(SituationLabels.Has(s), $"content names the situation '{s}', which has no words in SituationLabels");
            Assert.NotEqual(s, SituationLabels.For(s));
        });
    }
}
