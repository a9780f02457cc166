using System.Text;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Tests.Records;

public sealed class RecordBufferPoolTests
{
    private static PreparedRecord Prepared(string notes) => new(new SourceRecord(new FlatSourceFields(new FieldHeader(["k"]), ["1"])))
    {
        Record = new ArchiveRecord { Notes = notes, Responsible = "人事处", Source = { System = "人事管理系统", Location = "hr.csv", LineNumber = 2 } },
    };

    [Fact]
    public void StoredMetadataUtf8_IsTheStoredJson_AndAfterReleaseIsMadeAgainTheSame()
    {
        var item = Prepared("关于印发《档案管理办法》的通知");
        var expected = StoredRecordJson.Serialize(item.Record!);

        Assert.Equal(expected, item.StoredMetadataUtf8().ToArray());
        item.ReleaseStoredMetadataUtf8();
        item.ReleaseStoredMetadataUtf8(); // twice is harmless: the buffer went back once

        Assert.Equal(expected, item.StoredMetadataUtf8().ToArray());
        Assert.Equal(Encoding.UTF8.GetString(expected), item.StoredMetadata());
    }

    [Fact]
    public void Release_GivesTheBufferBack_AndAnotherRecordReusesItWithItsOwnBytes()
    {
        var first = Prepared("第一份：一个比第二份长得多的附注，留在缓冲区里的尾巴不能出现在第二份的 JSON 中");
        var firstBytes = first.StoredMetadataUtf8().ToArray();
        first.ReleaseStoredMetadataUtf8();

        // Likely the same buffer (the pool is shared by the process, so not asserted): the shorter JSON must not carry
        // the longer one's tail.
        var second = Prepared("第二份");
        var secondJson = second.StoredMetadataUtf8().ToArray();

        Assert.Equal(StoredRecordJson.Serialize(second.Record!), secondJson);
        Assert.NotEqual(firstBytes, secondJson);
    }

    [Fact]
    public void Rent_LongerThanTheBufferSize_GetsAnArrayOfItsOwnThatIsNotPooled()
    {
        var big = RecordBufferPool.Rent(RecordBufferPool.BufferBytes + 1);
        Assert.Equal(RecordBufferPool.BufferBytes + 1, big.Length);
        RecordBufferPool.Return(big);

        var small = RecordBufferPool.Rent(10);
        Assert.Equal(RecordBufferPool.BufferBytes, small.Length);
        RecordBufferPool.Return(small);
    }
}
