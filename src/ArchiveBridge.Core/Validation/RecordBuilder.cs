using System.Globalization;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Validation;

/// <summary>
/// Turns a mapping's text values into a typed <see cref="ArchiveRecord"/> and validates it against the
/// canonical schema (required fields, ISO dates, four-digit years, vocabularies). An archive that accepts a
/// record must be able to say why it is valid: every rule here has a reason code and a bilingual message.
/// </summary>
public sealed class RecordBuilder
{
    private readonly ArchiveOptions _archive;
    private readonly HashSet<string> _retention;
    private readonly HashSet<string> _security;
    private readonly HashSet<string> _category;

    public RecordBuilder(ArchiveOptions archive)
    {
        _archive = archive ?? throw new ArgumentNullException(nameof(archive));
        _retention = new HashSet<string>(archive.Vocabularies.EffectiveRetention, StringComparer.Ordinal);
        _security = new HashSet<string>(archive.Vocabularies.EffectiveSecurity, StringComparer.Ordinal);
        _category = new HashSet<string>(archive.Vocabularies.EffectiveCategory, StringComparer.Ordinal);
    }

    /// <summary>Builds and validates; returns the record, or null with <paramref name="problem"/> set.</summary>
    public ArchiveRecord? Build(MappingResult mapped, out RecordProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var v = mapped.Values;
        var record = new ArchiveRecord
        {
            Fonds = Get(v, CanonicalFields.Fonds) ?? _archive.Fonds,
            FondsUnit = Get(v, CanonicalFields.FondsUnit) ?? _archive.FondsUnit,
            Category = Get(v, CanonicalFields.Category),
            Retention = Get(v, CanonicalFields.Retention),
            Org = Get(v, CanonicalFields.Org),
            Title = Get(v, CanonicalFields.Title),
            DocNumber = Get(v, CanonicalFields.DocNumber),
            Responsible = Get(v, CanonicalFields.Responsible),
            Date = Get(v, CanonicalFields.Date),
            Security = Get(v, CanonicalFields.Security),
            DocType = Get(v, CanonicalFields.DocType),
            Notes = Get(v, CanonicalFields.Notes),
        };
        if (mapped.Keywords.Count > 0) record.Keywords.AddRange(mapped.Keywords);
        if (v is Mapping.MappedValues mappedValues)
        {
            // The mapping's own values know their extra slots: no prefix test or substring per field and record.
            if (mappedValues.Extras() is { } extras) record.Extra = extras;
        }
        else
        {
            foreach (var (key, value) in v)
            {
                if (key.StartsWith(CanonicalFields.ExtraPrefix, StringComparison.Ordinal))
                    record.Extra[key[CanonicalFields.ExtraPrefix.Length..]] = value;
            }
        }

        problem = Validate(record, v);
        return problem is null ? record : null;
    }

    private RecordProblem? Validate(ArchiveRecord r, IReadOnlyDictionary<string, string> v)
    {
        if (string.IsNullOrWhiteSpace(r.Title)) return Missing(CanonicalFields.Title, "题名");
        if (string.IsNullOrWhiteSpace(r.Date)) return Missing(CanonicalFields.Date, "日期");
        if (!DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new RecordProblem(ReasonCodes.BadDate, $"date '{r.Date}' is not an ISO date yyyy-MM-dd")
            { Field = CanonicalFields.Date, Value = r.Date, MessageZh = $"日期“{r.Date}”不是 yyyy-MM-dd 格式的有效日期" };
        }
        if (Get(v, CanonicalFields.Year) is { } yearText)
        {
            if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return new RecordProblem(ReasonCodes.BadNumber, $"year '{yearText}' is not a four-digit year")
                { Field = CanonicalFields.Year, Value = yearText, MessageZh = $"年度“{yearText}”不是四位年份" };
            }
            r.Year = year;
        }
        else r.Year = date.Year;

        if (Get(v, CanonicalFields.Pages) is { } pagesText)
        {
            if (!int.TryParse(pagesText, NumberStyles.None, CultureInfo.InvariantCulture, out var pages))
            {
                return new RecordProblem(ReasonCodes.BadNumber, $"pages '{pagesText}' is not a whole number ≥ 0")
                { Field = CanonicalFields.Pages, Value = pagesText, MessageZh = $"页数“{pagesText}”不是大于等于 0 的整数" };
            }
            r.Pages = pages;
        }

        if (string.IsNullOrWhiteSpace(r.Fonds)) return Missing(CanonicalFields.Fonds, "全宗号");
        if (string.IsNullOrWhiteSpace(r.Category)) return Missing(CanonicalFields.Category, "门类代码");
        if (string.IsNullOrWhiteSpace(r.Retention)) return Missing(CanonicalFields.Retention, "保管期限");
        if (Vocabulary(CanonicalFields.Category, "门类代码", r.Category, _category) is { } c) return c;
        if (Vocabulary(CanonicalFields.Retention, "保管期限", r.Retention, _retention) is { } re) return re;
        if (r.Security is not null && Vocabulary(CanonicalFields.Security, "密级", r.Security, _security) is { } s) return s;
        if (r.DocNumber is not null) r.DocNumber = r.DocNumber.Trim();
        return null;
    }

    private static RecordProblem Missing(string field, string zh) =>
        new(ReasonCodes.MissingField, $"required field '{field}' is empty")
        { Field = field, MessageZh = $"必填字段“{zh}”（{field}）为空" };

    private static RecordProblem? Vocabulary(string field, string zh, string value, HashSet<string> allowed)
    {
        if (allowed.Contains(value)) return null;
        var list = string.Join(", ", allowed);
        return new RecordProblem(ReasonCodes.UnknownValue, $"{field} '{value}' is not in the vocabulary [{list}]")
        { Field = field, Value = value, MessageZh = $"{zh}“{value}”不在允许的取值范围内：[{list}]" };
    }

    private static string? Get(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
