using System.Globalization;
using System.Text;

namespace ArchiveBridge.TestUtils;

/// <summary>
/// Writes realistic Chinese HR personnel-file exports (人事档案) for tests and benchmarks: the same seed gives the same
/// rows, row <c>i</c> can be computed on its own (<see cref="Row"/>), and writing streams, so a million rows cost no memory.
/// (员工编号, 文号) is unique per row; the dates mix 2024-03-05, 2024/3/5, 2024年3月5日 and 20240305.
/// </summary>
public sealed class HrCsvGenerator(int seed = 20240305)
{
    public static IReadOnlyList<string> Headers { get; } =
        ["员工编号", "姓名", "部门", "文号", "文件题名", "成文日期", "保管期限", "密级", "页数", "主题词", "附件路径"];

    /// <summary>The departments rows use, with the organisation codes of mappings/hr-personnel.json.</summary>
    public static IReadOnlyDictionary<string, string> Departments { get; } = new Dictionary<string, string>
    {
        ["办公室"] = "BGS", ["人事处"] = "RSC", ["财务处"] = "CWC", ["党群工作部"] = "DQB",
        ["生产技术部"] = "SJB", ["市场营销部"] = "YXB", ["审计室"] = "SJS", ["信息中心"] = "XXZ",
    };

    /// <summary>The 保管期限 values rows use (the keys of the mapping's retention lookup).</summary>
    public static IReadOnlyList<string> RetentionValues { get; } = ["永久", "定期30年", "定期10年"];

    public Encoding Encoding { get; init; } = Encodings.Gb18030;
    public string NewLine { get; init; } = "\r\n";

    /// <summary>How many distinct employees the rows are spread over (so an employee has several documents).</summary>
    public int Employees { get; init; } = 800;

    /// <summary>Files (relative to the attachment root) that 附件路径 cycles through; empty leaves the column empty.</summary>
    public IReadOnlyList<string> AttachmentFiles { get; init; } = [];

    /// <summary>Every n-th row gets attachments (one file, sometimes two).</summary>
    public int AttachmentEvery { get; init; } = 10;

    /// <summary>Writes the header and <paramref name="rows"/> rows to <paramref name="destination"/> (left open).</summary>
    public void Write(Stream destination, int rows) => Write(destination, Rows(rows), Encoding, NewLine);

    public void WriteFile(string path, int rows)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, rows);
    }

    public IEnumerable<HrRow> Rows(int count)
    {
        for (var i = 0; i < count; i++) yield return Row(i);
    }

    /// <summary>Writes any rows (for hand-made samples) as an export: header, quoting where needed.</summary>
    public static void Write(Stream destination, IEnumerable<HrRow> rows, Encoding encoding, string newLine = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(destination, encoding, 1 << 16, leaveOpen: true);
        WriteLine(writer, Headers, newLine);
        foreach (var row in rows) WriteLine(writer, row.ToArray(), newLine);
    }

    /// <summary>Row <paramref name="index"/> (0-based), the same on every call.</summary>
    public HrRow Row(int index)
    {
        var rng = new SplitMix((ulong)(uint)seed << 32 ^ (ulong)(uint)index);
        var employee = (int)(rng.Next() % (ulong)Math.Max(1, Employees));
        var person = new SplitMix((ulong)(uint)seed * 7919 + (ulong)employee);
        var name = NameOf(ref person);
        var department = DepartmentNames[(int)(person.Next() % (ulong)DepartmentNames.Length)];

        // 文号 (year, number) is a bijection of the row index, so (员工编号, 文号) never repeats.
        var year = 2015 + index % 10;
        var kind = Kinds[(int)(rng.Next() % (ulong)Kinds.Length)];
        var docNumber = $"{kind.Prefix}〔{year}〕{index / 10 + 1}号";
        var month = 1 + (int)(rng.Next() % 12);
        var day = 1 + (int)(rng.Next() % 28);
        var title = kind.Title(name, department, year, ref rng);
        var security = (rng.Next() % 10) switch { < 6 => "公开", < 9 => "内部", _ => "" };
        var pages = kind.MinPages + (int)(rng.Next() % (ulong)(kind.MaxPages - kind.MinPages + 1));
        return new HrRow(
            $"E{10001 + employee}", name, department, docNumber, title,
            FormatDate(year, month, day, (int)(rng.Next() % 4)), kind.Retention, security,
            pages.ToString(CultureInfo.InvariantCulture), kind.Keywords, AttachmentsOf(index, ref rng));
    }

    private string AttachmentsOf(int index, ref SplitMix rng)
    {
        if (AttachmentFiles.Count == 0 || index % AttachmentEvery != 0) return "";
        var k = index / AttachmentEvery;
        var first = AttachmentFiles[k % AttachmentFiles.Count];
        return rng.Next() % 4 == 0 && AttachmentFiles.Count > 1 ? $"{first};{AttachmentFiles[(k + 1) % AttachmentFiles.Count]}" : first;
    }

    private static string FormatDate(int year, int month, int day, int style) => style switch
    {
        0 => $"{year:D4}-{month:D2}-{day:D2}",
        1 => $"{year}/{month}/{day}",
        2 => $"{year}年{month}月{day}日",
        _ => $"{year:D4}{month:D2}{day:D2}",
    };

    private static string NameOf(ref SplitMix rng)
    {
        var surname = Surnames[(int)(rng.Next() % (ulong)Surnames.Length)];
        var r = rng.Next();
        // A few people have 生僻字 outside GBK (䶮, 𠮷): GB18030 encodes them in four bytes.
        var given = r % 97 == 0 ? "䶮" : r % 89 == 0 ? "𠮷" : GivenNames[(int)(r % (ulong)GivenNames.Length)];
        return surname + given;
    }

    private static void WriteLine(StreamWriter writer, IReadOnlyList<string> values, string newLine)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var v = values[i];
            if (v.AsSpan().IndexOfAny(",\"\r\n") < 0) writer.Write(v);
            else
            {
                writer.Write('"');
                writer.Write(v.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }
        writer.Write(newLine);
    }

    private static readonly string[] DepartmentNames = [.. Departments.Keys];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖",
        "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎",
        "欧阳", "司马", "诸葛",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
        "刚", "桂英", "华", "建华", "建国", "志强", "晓东", "晓燕", "文", "斌", "宇", "浩", "凯", "鑫", "琳", "婷", "雪", "慧",
        "颖", "倩", "博", "子涵", "思远", "欣怡", "雨桐", "俊杰", "嘉怡", "梓萱", "一鸣", "海燕", "春梅", "国庆", "红梅", "丽华",
        "玉兰", "德明", "振华", "立新", "喆", "堃", "昊天", "若曦", "婧", "翀",
    ];

    private delegate string TitleMaker(string name, string department, int year, ref SplitMix rng);

    private sealed record Kind(string Prefix, string Retention, string Keywords, int MinPages, int MaxPages, TitleMaker Title);

    private static readonly Kind[] Kinds =
    [
        new("人任", "永久", "任免;干部", 1, 3, (string n, string d, int y, ref SplitMix r) => r.Next() % 2 == 0 ? $"关于{n}同志职务任免的通知" : $"关于聘任{n}为{d}副主任的通知"),
        new("人薪", "定期30年", "工资;调整", 1, 4, (string n, string d, int y, ref SplitMix r) => $"关于调整{n}同志岗位工资的通知"),
        new("人合", "永久", "劳动合同;续订", 6, 12, (string n, string d, int y, ref SplitMix r) => r.Next() % 2 == 0 ? $"{n}劳动合同（{y}—{y + 3}）" : $"关于与{n}续订劳动合同的通知"),
        new("人字", "永久", "转正;定级", 1, 2, (string n, string d, int y, ref SplitMix r) => $"关于{n}同志转正定级的批复"),
        new("人调", "永久", "调动;岗位", 1, 2, (string n, string d, int y, ref SplitMix r) => $"关于{n}同志调入{d}的通知"),
        new("人奖", "永久", "表彰;奖励", 2, 5, (string n, string d, int y, ref SplitMix r) => $"关于表彰{y}年度先进工作者{n}的决定"),
        new("人培", "定期10年", "培训", 1, 3, (string n, string d, int y, ref SplitMix r) => r.Next() % 25 == 0 ? $"关于{n}参加\"{d}业务骨干\"培训的通知" : $"关于{n}参加{y}年度岗位培训的通知"),
        new("人考", "定期30年", "考核;年度", 2, 6, (string n, string d, int y, ref SplitMix r) => $"{n}{y}年度考核登记表"),
        new("人退", "永久", "退休", 1, 3, (string n, string d, int y, ref SplitMix r) => $"关于{n}同志退休的批复"),
        new("人社", "定期10年", "社会保险;转移", 1, 2, (string n, string d, int y, ref SplitMix r) => r.Next() % 25 == 0 ? $"关于{n}社会保险关系转移的函(养老,医疗)" : $"关于{n}社会保险关系转移的函"),
    ];

    /// <summary>SplitMix64: tiny, fast and the same on every platform and .NET version (System.Random's sequences are not promised).</summary>
    private struct SplitMix(ulong state)
    {
        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

/// <summary>One row of <see cref="HrCsvGenerator"/>, in header order.</summary>
public sealed record HrRow(
    string EmployeeId, string Name, string Department, string DocNumber, string Title, string Date,
    string Retention, string Security, string Pages, string Keywords, string Attachments)
{
    public string[] ToArray() => [EmployeeId, Name, Department, DocNumber, Title, Date, Retention, Security, Pages, Keywords, Attachments];
}
