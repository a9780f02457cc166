using System.Net.Http.Headers;
using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Connectors.Rest.Reading;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class HelperTests
{
    [Theory]
    [InlineData("<https://oa/api/docs?page=3>; rel=\"next\", <https://oa/api/docs?page=9>; rel=\"last\"", "https://oa/api/docs?page=3")]
    [InlineData("<https://oa/api/docs?page=9>; rel=\"last\", <https://oa/a,b?page=2>; rel=next", "https://oa/a,b?page=2")]
    [InlineData("<https://oa/api/docs?page=1>; rel=\"prev first\"", null)]
    public void LinkHeader_FindNext_PicksTheNextRelation(string header, string? expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", header);

        Assert.Equal(expected, LinkHeader.FindNext(response.Headers));
    }

    [Theory]
    [InlineData("2024-06-01T17:30:00+08:00", "2024-06-01T17:25:00+08:00")]
    [InlineData("2024-06-01T09:30:00Z", "2024-06-01T09:25:00+00:00")]
    [InlineData("2024-06-01 17:30:15", "2024-06-01 17:25:15")]
    [InlineData("2024-06-01T00:02:00.5", "2024-05-31T23:57:00.5")]
    [InlineData("1717234200", "1717234200")]
    public void SortValue_Anchor_MovesDateTimesBackInTheirOwnShape(string value, string expected)
    {
        Assert.Equal(expected, SortValue.Anchor(value, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("2024-06-01T10:00:00+08:00", "2024-06-01T03:00:00Z", -1)]
    [InlineData("OA2024-0010", "OA2024-0009", 1)]
    [InlineData("2.5", "10", -1)]
    public void SortValue_Compare_OrdersLikeTheSource(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(SortValue.Compare(a, b)));
    }

    [Theory]
    [InlineData("https://user:pw@oa.example.com/api/docs?page=2&access_token=abc", "https://oa.example.com/api/docs?page=2&access_token=***")]
    [InlineData("http://oa/api/docs?apiKey=k&size=5", "http://oa/api/docs?apiKey=***&size=5")]
    [InlineData("http://oa/api/docs?keywords=notice&token=t", "http://oa/api/docs?keywords=notice&token=***")]
    public void SafeUrl_Display_HidesSecrets(string url, string expected)
    {
        Assert.Equal(expected, SafeUrl.Display(new Uri(url)));
    }
}
