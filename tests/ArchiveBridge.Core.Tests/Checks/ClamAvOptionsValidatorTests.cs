using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Core.Tests.Checks;

public class ClamAvOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new ClamAvOptionsValidator().Validate(null, new ClamAvOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SocketSet_IgnoresHostAndPort()
    {
        var options = new ClamAvOptions { Socket = "/run/clamav/clamd.ctl", Host = "", Port = 0 };

        Assert.True(new ClamAvOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesFieldAndValue()
    {
        var options = new ClamAvOptions { Port = 70000, Timeout = TimeSpan.Zero };

        var result = new ClamAvOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["clamAv.timeout: must be positive, not '00:00:00'", "clamAv.port: must be 1-65535, not '70000'"],
            result.Failures);
    }
}
