using System.Globalization;

namespace DemoOa;

/// <summary>
/// The deterministic data set: documents of a fictional group's head office, with the variety a real OA export
/// has (several 文种, departments, 密级 and 保管期限, an older date style, documents with a second file).
/// Three documents share each <c>updatedAt</c> (the evening after the last of them was issued), so that
/// tie-breaking on the id matters.
/// </summary>
public static class DemoDocuments
{
    public static readonly DateTimeOffset FirstUpdate = new(2024, 1, 9, 17, 30, 0, TimeSpan.FromHours(8));

    private static readonly (string Name, string Abbrev)[] Departments =
        [("办公室", "办"), ("人事处", "人"), ("财务处", "财"), ("档案室", "档"), ("信息中心", "信"), ("安全生产部", "安")];

    private static readonly string[] DocTypes = ["通知", "决定", "报告", "请示", "函", "纪要", "批复"];

    private static readonly (string Topic, string Keyword)[] Topics =
    [
        ("开展2024年度安全生产大检查", "安全生产"),
        ("加强档案数字化管理工作", "档案管理"),
        ("调整部分岗位人员", "人事任免"),
        ("2024年第一季度预算执行情况", "财务预算"),
        ("增加办公设备采购经费", "采购"),
        ("召开年度工作会议", "会议"),
        ("印发《电子文件归档管理办法》", "电子文件"),
        ("做好节假日值班安排", "值班"),
        ("推进信息系统安全等级保护", "网络安全"),
        ("表彰2023年度先进集体和个人", "表彰"),
        ("规范公务用车管理", "行政管理"),
        ("开展保密教育培训", "保密"),
    ];

    private static readonly string[] Authors = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "周敏"];

    public static IReadOnlyList<DemoDocument> Generate(int count) => [.. Enumerable.Range(1, count).Select(Create)];

    /// <summary>Document number <paramref name="number"/> (1-based) of the data set.</summary>
    public static DemoDocument Create(int number)
    {
        var i = number - 1;
        var id = $"OA2024-{number:0000}";
        var (department, abbrev) = Departments[i % Departments.Length];
        var docType = DocTypes[i % DocTypes.Length];
        var (topic, keyword) = Topics[i % Topics.Length];
        var title = docType == "纪要" ? $"{topic}专题会议纪要" : $"关于{topic}的{docType}";
        var issued = new DateOnly(2024, 1, 2).AddDays(i * 3);
        // One document in ten still carries the date as typed in the older OA version (2024年3月5日).
        var issuedAt = number % 10 == 0
            ? $"{issued.Year}年{issued.Month}月{issued.Day}日"
            : issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var security = (i % 10) switch { < 6 => "公开", < 9 => "内部", _ => "限制" };
        var retention = (i % 3) switch { 0 => "永久", 1 => "定期30年", _ => "定期10年" };

        List<DemoAttachment> attachments = [DemoFiles.Describe($"{id}.pdf", $"/files/{id}.pdf")];
        if (number % 4 == 0) attachments.Add(DemoFiles.Describe($"{id}-附件1.ofd", $"/files/{id}-附件1.ofd", absolute: true));

        return new DemoDocument(
            id, title, $"华示{abbrev}〔2024〕{number}号", docType, issuedAt, department, Authors[i % Authors.Length],
            security, retention, [docType, keyword, department], 1 + i % 12, FirstUpdate.AddDays(i / 3 * 9), attachments);
    }
}
