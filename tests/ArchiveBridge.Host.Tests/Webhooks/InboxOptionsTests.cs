using ArchiveBridge.Host.Webhooks;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class InboxOptionsTests
{
    [Fact]
    public void RestAfter_QuarterShare_RestsThreeTimesThePass()
    {
        var options = new InboxOptions { DrainShare = 0.25 };

        Assert.Equal(TimeSpan.FromMilliseconds(900), options.RestAfter(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void RestAfter_FullShare_NeverRests()
    {
        Assert.Equal(TimeSpan.Zero, new InboxOptions { DrainShare = 1 }.RestAfter(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void RestAfter_LongPass_RestsAtMostThePollInterval()
    {
        var options = new InboxOptions { DrainShare = 0.1, PollInterval = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(30), options.RestAfter(TimeSpan.FromMinutes(1)));
    }
}
