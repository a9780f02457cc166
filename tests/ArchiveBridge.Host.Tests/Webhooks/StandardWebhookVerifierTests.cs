using System.Text;
using ArchiveBridge.Host.Webhooks;
using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class StandardWebhookVerifierTests
{
    // The test vector published with the Standard Webhooks reference libraries (standard-webhooks repo).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Payload = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private static HeaderDictionary Headers(string signature, string id = Id, string timestamp = Timestamp) => new()
    {
        [StandardWebhookVerifier.IdHeader] = id,
        [StandardWebhookVerifier.TimestampHeader] = timestamp,
        [StandardWebhookVerifier.SignatureHeader] = signature,
    };

    private static StandardWebhookVerifier Verifier => StandardWebhookVerifier.FromSecret(Secret, TimeSpan.FromMinutes(5));

    [Fact]
    public void Sign_PublishedTestVector_ReproducesExpectedSignature()
    {
        Assert.Equal(Expected, Verifier.Sign(Id, Timestamp, Encoding.UTF8.GetBytes(Payload)));
    }

    [Fact]
    public void Verify_PublishedTestVector_AcceptsWithWebhookId()
    {
        var result = Verifier.Verify(Headers(Expected), Encoding.UTF8.GetBytes(Payload), SentAt.AddSeconds(30));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Id, result.WebhookId);
    }

    [Fact]
    public void Verify_SecretWithoutPrefix_AcceptsTheSameSignature()
    {
        var verifier = StandardWebhookVerifier.FromSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", TimeSpan.FromMinutes(5));

        Assert.True(verifier.Verify(Headers(Expected), Encoding.UTF8.GetBytes(Payload), SentAt).Succeeded);
    }

    [Fact]
    public void Verify_SeveralSignaturesOneValid_Accepts()
    {
        // A sender rotating its secret signs with old and new keys; other schemes (v1a) may sit beside them.
        var header = $"v1,bm9wZQ== v1a,aGVsbG8= {Expected} v1,Zm9v";

        Assert.True(Verifier.Verify(Headers(header), Encoding.UTF8.GetBytes(Payload), SentAt).Succeeded);
    }

    [Fact]
    public void Verify_TamperedBody_RejectsNamingTheSignature()
    {
        var result = Verifier.Verify(Headers(Expected), Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), SentAt);

        Assert.False(result.Succeeded);
        Assert.Contains("webhook-signature", result.Error);
    }

    [Fact]
    public void Verify_SignatureOfAnotherId_Rejects()
    {
        Assert.False(Verifier.Verify(Headers(Expected, id: "msg_other"), Encoding.UTF8.GetBytes(Payload), SentAt).Succeeded);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_TimestampOutsideTolerance_RejectsAsStale(int secondsOff)
    {
        var result = Verifier.Verify(Headers(Expected), Encoding.UTF8.GetBytes(Payload), SentAt.AddSeconds(-secondsOff));

        Assert.False(result.Succeeded);
        Assert.Contains("webhook-timestamp", result.Error);
        Assert.Contains("00:05:00", result.Error);
    }

    [Fact]
    public void Verify_TimestampNotANumber_Rejects()
    {
        var result = Verifier.Verify(Headers(Expected, timestamp: "2021-02-26T10:22:10Z"), Encoding.UTF8.GetBytes(Payload), SentAt);

        Assert.False(result.Succeeded);
        Assert.Contains("'2021-02-26T10:22:10Z' is not a Unix time", result.Error);
    }

    [Fact]
    public void Verify_MissingHeaders_Rejects()
    {
        var result = Verifier.Verify(new HeaderDictionary(), Encoding.UTF8.GetBytes(Payload), SentAt);

        Assert.False(result.Succeeded);
        Assert.Contains("missing webhook-id", result.Error);
    }
}
