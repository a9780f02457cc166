using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.Host.Webhooks;
using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class HubSignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"docId":"OA-2024-000731","action":"published"}""");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_Body_IsSha256HmacInHexWithPrefix()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Body));

        Assert.Equal(expected, new HubSignatureVerifier("s3cret").Sign(Body));
    }

    [Fact]
    public void Verify_ValidSignatureWithWebhookIdHeader_AcceptsWithThatId()
    {
        var verifier = new HubSignatureVerifier("s3cret");
        var headers = new HeaderDictionary { [HubSignatureVerifier.SignatureHeader] = verifier.Sign(Body), ["X-Webhook-Id"] = "evt-42" };

        var result = verifier.Verify(headers, Body, Now);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("evt-42", result.WebhookId);
    }

    [Fact]
    public void Verify_NoIdHeader_UsesTheBodyDigestAsWebhookId()
    {
        var verifier = new HubSignatureVerifier("s3cret");
        var headers = new HeaderDictionary { [HubSignatureVerifier.SignatureHeader] = verifier.Sign(Body), ["X-Request-Id"] = "" };

        var result = verifier.Verify(headers, Body, Now);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Body)), result.WebhookId);
    }

    [Theory]
    [InlineData("sha256=00")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("")]
    public void Verify_WrongOrMalformedSignature_Rejects(string header)
    {
        var headers = new HeaderDictionary { [HubSignatureVerifier.SignatureHeader] = header };

        var result = new HubSignatureVerifier("s3cret").Verify(headers, Body, Now);

        Assert.False(result.Succeeded);
        Assert.Contains(HubSignatureVerifier.SignatureHeader, result.Error);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_Rejects()
    {
        var headers = new HeaderDictionary { [HubSignatureVerifier.SignatureHeader] = new HubSignatureVerifier("other").Sign(Body) };

        Assert.False(new HubSignatureVerifier("s3cret").Verify(headers, Body, Now).Succeeded);
    }
}
