//! 简体中文。

use super::{Strings, Words};
use crate::model::date::Date;
use crate::model::diff::Change;
use crate::model::format::Ty;
use crate::model::problem::{Context, Found, IdFault, IdHint, Kind, LoadError, Named, Scope, Syntax, ValueFault};
use crate::model::text::Lang;
use crate::model::{status_label, Status, Tally};

/// The Simplified Chinese table.
pub struct ZhHans;

fn status(s: Status) -> &'static str {
    status_label(s, Lang::ZhHans)
}

fn syntax(s: Syntax) -> &'static str {
    match s {
        Syntax::EndExpectingValue => "文件意外结束，缺少一个值",
        Syntax::EndInString => "文件在一段文字中间就结束了（可能被截断）",
        Syntax::EndInArray => "文件在一个列表中间就结束了（可能被截断）",
        Syntax::EndInObject => "文件在一个对象中间就结束了（可能被截断）",
        Syntax::TooDeep => "嵌套超过 64 层",
        Syntax::Html => "这看起来是网页（HTML），应为 JSON 数据文件",
        Syntax::UnexpectedCharacter => "此处的字符不能开始一个值",
        Syntax::UnexpectedWord => "此处的词不是 true、false 或 null",
        Syntax::ExpectedMemberName => "此处应为用双引号括起的成员名",
        Syntax::ExpectedColon => "成员名之后应为冒号“:”",
        Syntax::ExpectedCommaOrBracket => "列表项之后应为逗号“,”或“]”",
        Syntax::ExpectedCommaOrBrace => "对象成员之后应为逗号“,”或“}”",
        Syntax::TrailingText => "JSON 值结束之后还有多余的内容",
        Syntax::UnknownEscape => "文字中有不存在的转义符",
        Syntax::IncompleteEscape => "\\u 转义不完整（应有 4 位十六进制数字）",
        Syntax::BadEscape => "\\u 转义中有不是十六进制数字的字符",
        Syntax::UnpairedSurrogate => "\\u 转义中的代理项不成对",
        Syntax::ControlCharacter => "文字中有控制字符",
        Syntax::NotUtf8 => "文件不是有效的 UTF-8 文字",
        Syntax::ExpectedDigits => "数字中缺少数位",
        Syntax::ExpectedFraction => "小数点之后缺少数位",
        Syntax::ExpectedExponent => "指数部分缺少数位",
    }
}

fn id_fault(f: &IdFault) -> String {
    match f {
        IdFault::Char { position, length, ch, hint } => {
            let hint = match hint {
                Some(IdHint::Lowercase) => "（请用小写）",
                Some(IdHint::Start) => "（编号须以字母或数字开头）",
                None => "",
            };
            format!("第 {position} 个字符（共 {length} 个）是“{ch}”（U+{:04X}）{hint}", u32::from(*ch))
        }
        IdFault::Empty => "编号为空".into(),
        IdFault::TooLong { length } => {
            format!("共 {length} 个字符，比上限 {} 多 {}", IdFault::MAX, length - IdFault::MAX)
        }
    }
}

fn named(n: &Named) -> String {
    let id = n.id.as_ref().map(|s| format!("“{s}”"));
    id.into_iter().chain(n.name.clone()).collect::<Vec<_>>().join(" ")
}

impl Words for ZhHans {
    const UI: Strings = Strings {
        task_forces: "专班",
        as_of: "数据截至",
        source: "来源",
        sample_badge: "示例数据 · Sample data",
        sample_note: "原文未公布各项措施的状态和进度，此处状态与数字为示例，并非官方数据。",
        overall: "总体进展",
        measures_done: "项已完成",
        focus: "工作重点",
        leader: "专班组长",
        members: "成员单位",
        not_published: "原文未公布",
        measures: "工作措施",
        due: "完成时限",
        no_due: "未定时限",
        overdue: "已逾期",
        progress: "已报进度",
        schedule: "序时进度",
        latest_report: "最新汇报",
        no_reports: "暂无汇报",
        no_measures: "暂无工作措施",
        report_source: "出处",
        load_failed: "进展数据加载失败",
        what_to_do: "请检查数据文件后刷新页面。",
        sample_short: "示例",
        showing_as_of: "显示的是此前加载的数据，截至",
        update_failed: "更新失败：",
        version: "数据版本",
        download: "下载数据",
        language: "语言",
        filters: "筛选措施",
        search: "搜索",
        search_hint: "措施或汇报中的文字",
        status: "状态",
        all_statuses: "全部状态",
        scope: "范围",
        scope_one: "当前专班",
        scope_all: "全部专班",
        clear: "清除筛选",
        no_results: "没有符合条件的措施。",
        updated: "自上次访问后有更新",
        only_updated: "只看有更新的措施",
        layout: "显示方式",
        list: "列表",
        timeline: "时间轴",
        start: "开始",
        as_table: "以表格查看时间轴",
        timeline_legend:
            "竖线为数据截至日期（序时进度所在）；粗线为已报进度；菱形为节点，实心为已达成；红色时限为已逾期。",
        measure: "措施",
        results_all: "全部专班中的筛选结果",
        milestones: "节点",
        history: "汇报记录",
        ms_done: "已完成",
        ms_pending: "待完成",
        ms_late: "已逾期",
        copy_link: "复制链接",
        link_copied: "链接已复制",
        copy_failed: "无法复制，链接为：",
        data_updated: "数据已更新，截至",
        version_help: "（下载文件的文件名带有同一标识，可据此核对）",
        overdue_only: "已逾期的措施",
        search_all: "在全部专班中查看",
        copy_here: "复制此链接",
        unavailable: "进展数据暂时无法显示，请稍后再试。",
        not_updated: "数据暂时无法更新，以下为此前发布的内容。",
        update_pending: "更新暂时未成功",
        crashed: "进展表出现内部错误，已停止运行。请刷新页面重试。",
        cannot_run: "进展表无法在此浏览器中运行。",
        none: "—",
        colon: "：",
        list_sep: "、",
        paren: ("（", "）"),
    };

    fn message(kind: &Kind) -> String {
        match kind {
            Kind::Syntax(s) => syntax(*s).into(),
            Kind::Missing { field } => format!("缺少字段 `{}`，应为{}", field.name, Self::expected(field.ty)),
            Kind::WrongType { expected, found } => {
                format!("应为{}，实际是{}", Self::expected(*expected), Self::found(found))
            }
            Kind::TooLong { length, max } => format!("文字长 {length} 个字符，最多 {max} 个"),
            Kind::TooMany { count, max } => format!("共 {count} 项，最多 {max} 项"),
            Kind::TooManyMeasures { count, max } => format!("共 {count} 项措施，最多 {max} 项"),
            Kind::NoTaskForces => "专班列表为空，至少需要一个专班".into(),
            Kind::UnknownLanguage { key } => format!("未知的语言 `{key}`，应为 zh-Hans、zh-Hant 或 en"),
            Kind::BadId(fault) => format!("应为{}：{}", Self::expected(Ty::Id), id_fault(fault)),
            Kind::BadStatus { found, nearest } => {
                let mut out = format!("应为{}，实际是{}", Self::expected(Ty::Status), Self::found(found));
                if let Some(near) = nearest {
                    out.push_str(&format!("；是否应为“{near}”？"));
                }
                out
            }
            Kind::DuplicateId { id, scope, first } => {
                let scope = match scope {
                    Scope::TaskForces => "各专班之间",
                    Scope::Measures => "同一专班内",
                };
                format!("编号“{id}”重复，{scope}的编号不能重复（首次出现在 {first}）")
            }
            Kind::DuplicateMember { name } => format!("`{name}` 出现了两次"),
            Kind::UnknownField { name, .. } => format!("未知字段 `{name}`，已忽略"),
            Kind::CompletedBelowFull { progress } => format!("状态为已完成，但进度是 {progress}%"),
            Kind::DueBeforeStart { due, start } => format!("完成时限 {due} 早于开始日期 {start}"),
            Kind::ReportAfterAsOf { date, as_of } => format!("汇报日期 {date} 晚于数据截至日期 {as_of}"),
            Kind::RepeatedTitle { title } => format!("标题“{title}”在本专班中出现不止一次"),
        }
    }

    fn expected(ty: Ty) -> String {
        match ty {
            Ty::Text(max) => format!("非空文字，或以 zh-Hans、zh-Hant、en 为键的文字（每种最多 {max} 个字符）"),
            Ty::Date => "真实存在的日期，写成 YYYY-MM-DD（如 2020-04-17）".into(),
            Ty::Id => "1–64 个字符的编号（小写字母 a-z、数字、“-”或“_”，以字母或数字开头）".into(),
            Ty::Link => "以 http:// 或 https:// 开头的完整链接".into(),
            Ty::Percent => "0 到 100 的整数".into(),
            Ty::Status => {
                let words: Vec<String> = Status::ALL.iter().map(|s| format!("{}（{}）", status(*s), s.key())).collect();
                format!("以下之一：{}", words.join("、"))
            }
            Ty::Bool => "true 或 false".into(),
            Ty::Str => "文字".into(),
            Ty::Object(t) => format!("一个对象（{}）", t.name),
            Ty::TextList(max, _) => format!("最多 {max} 项文字的列表"),
            Ty::List(t, max) => format!("最多 {max} 个 {} 的列表", t.name),
        }
    }

    fn found(found: &Found) -> String {
        match found {
            Found::Null => "null".into(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("数字 {n}"),
            Found::Str(s) if s.is_empty() => "空白".into(),
            Found::Str(s) => format!("文字“{s}”"),
            Found::LongStr(n) => format!("{n} 个字符的文字"),
            Found::Array(n) => format!("{n} 项的列表"),
            Found::Object => "一个对象".into(),
        }
    }

    fn context(c: &Context) -> String {
        let mut out = format!("位于专班 {}", named(&c.task_force));
        if let Some(m) = &c.measure {
            out.push_str(&format!("，措施 {}", named(m)));
        }
        out
    }

    fn located(path: &str, line: usize, col: usize, message: &str) -> String {
        let path = if path.is_empty() { "（顶层）" } else { path };
        if line > 0 {
            format!("{path}（第 {line} 行第 {col} 列）：{message}")
        } else {
            format!("{path}：{message}")
        }
    }

    fn load_error(e: &LoadError) -> String {
        match e {
            LoadError::Http(code) => format!("服务器返回 HTTP {code} 错误"),
            LoadError::NoResponse => "页面的 fetch 没有给出响应（页面上的脚本替换了它）".into(),
            LoadError::Timeout(secs) => format!("{secs} 秒内没有响应"),
            LoadError::TooLarge(limit) => format!("文件超过 {} MB 上限，未读取", limit >> 20),
            LoadError::NotUtf8 => "文件不是 UTF-8 编码，请另存为 UTF-8（JSON 文件必须是 UTF-8）".into(),
            LoadError::Network(d) => format!("网络错误（浏览器的说明：“{d}”）"),
            LoadError::NotJson(p) if p.kind == Kind::Syntax(Syntax::Html) => {
                "收到的是网页（HTML），不是 JSON 数据文件".into()
            }
            LoadError::NotJson(p) => {
                format!("不是有效的 JSON：第 {} 行第 {} 列：{}", p.line, p.col, Self::message(&p.kind))
            }
            LoadError::NotJsonValue(fault) => format!("该值无法写成 JSON（{}）", Self::value_fault(fault)),
            LoadError::Invalid(problems) => {
                let mut out = "数据有误：".to_string();
                if let Some(first) = problems.first() {
                    out.push_str(&super::problem(Lang::ZhHans, first));
                }
                if problems.len() > 1 {
                    out.push_str(&format!("（另有 {} 处问题）", problems.len() - 1));
                }
                out
            }
        }
    }

    fn value_fault(fault: &ValueFault) -> String {
        let at = |path: &str| if path.is_empty() { "（顶层）".to_string() } else { path.to_string() };
        match fault {
            ValueFault::TooDeep { path, max } => {
                format!("{}：嵌套超过 {max} 层（对象是否引用了自身？），最多 {max} 层", at(path))
            }
            ValueFault::NotJson { path } => {
                format!("{}：应为 JSON 值（null、true/false、数字、文字、数组或普通对象）", at(path))
            }
            ValueFault::Threw(what) => format!("读取时出错：“{what}”"),
        }
    }

    fn showing(shown: usize, total: usize) -> String {
        format!("显示 {shown}/{total} 项措施")
    }

    fn show_more(remaining: usize) -> String {
        format!("显示更多（还有 {remaining} 项）")
    }

    fn matching(n: usize) -> String {
        format!("{n} 项符合")
    }

    fn overdue_count(n: usize) -> String {
        format!("{n} 项逾期")
    }

    fn elsewhere(n: usize) -> String {
        format!("其他专班另有 {n} 项")
    }

    fn updated_count(n: usize) -> String {
        format!("{n} 项措施自上次访问后有更新")
    }

    fn date(d: Date) -> String {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    }

    fn month(d: Date) -> String {
        format!("{}年{}月", d.year(), d.month())
    }

    fn quoted(s: &str) -> String {
        format!("《{s}》")
    }

    fn timeline_summary(name: &str, measures: usize, from: &str, to: &str, as_of: &str, overdue: usize) -> String {
        format!(
            "{name}时间轴：{measures} 项措施，{from}至{to}；截至{as_of}，{overdue} 项已逾期。下方表格列有同样的信息。"
        )
    }

    fn diff_heading(new: &str, old: &str) -> String {
        format!("进展更新（数据截至{new}，上次{old}）")
    }

    fn diff_totals(b: &Tally, a: &Tally) -> String {
        format!(
            "措施 {} → {} 项；已完成 {} → {} 项；已逾期 {} → {} 项。",
            b.total(),
            a.total(),
            b.done(),
            a.done(),
            b.overdue,
            a.overdue
        )
    }

    fn diff_nothing() -> &'static str {
        "没有变化。\n"
    }

    fn diff_change(c: &Change, t: &str) -> String {
        let due = |x: &Option<Date>| x.map_or_else(|| "未定".to_string(), Self::date);
        let said = |t: &crate::model::text::Text| format!("“{}”", t.get(Lang::ZhHans));
        match c {
            Change::TaskForceAdded(_) => format!("新增专班：{t}"),
            Change::TaskForceRemoved(_) => format!("专班已移除：{t}"),
            Change::MeasureAdded(_, s) => format!("新增措施：{t}（{}）", status(*s)),
            Change::MeasureRemoved(_) => format!("措施已移除：{t}"),
            Change::Status(_, a, b) => format!("{t}：状态 {} → {}", status(*a), status(*b)),
            Change::Progress(_, a, b) => format!("{t}：已报进度 {a}% → {b}%"),
            Change::Report(_, d, note) => format!("{t}：新汇报（{}）{}", Self::date(*d), said(note)),
            Change::MilestoneReached(_, m, d) => format!("{t}：节点达成 {}（计划 {}）", said(m), Self::date(*d)),
            Change::DeadlineMoved(_, a, b) => format!("{t}：完成时限 {} → {}", due(a), due(b)),
            Change::NewlyOverdue(_, d) => format!("{t}：已逾期（完成时限 {}）", Self::date(*d)),
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
mod staff {
    use super::ZhHans;
    use crate::model::status_label;
    use crate::model::summary::{Summary, TaskForceSummary};
    use crate::model::text::Lang;
    use crate::sheet::{Column, Contribution, Counts, DateFault, Kind, Normalised, Place, Setting, Spot, Within};
    use crate::words::{cjk_before, BookText, DeskStrings, PosterText, StaffWords, Words};

    /// 文件「a.xlsx」工作表「产业振兴」, before a row.
    fn within_prefix(w: &Within) -> String {
        let mut out = String::new();
        if let Some(f) = &w.file {
            out.push_str(&format!("文件「{f}」"));
        }
        if let Some(s) = &w.sheet {
            out.push_str(&format!("工作表「{s}」"));
        }
        out
    }

    fn overdue(n: u32) -> String {
        if n == 0 {
            "没有逾期".to_string()
        } else {
            format!("{n}项逾期")
        }
    }

    fn sample(sample: bool) -> &'static str {
        if sample {
            "（状态与数字为示例，并非官方数据。）"
        } else {
            ""
        }
    }

    impl StaffWords for ZhHans {
        const DESK: DeskStrings = DeskStrings {
            title: "进展数据工作台",
            other_title: "Data desk",
            lead: "选择或拖入各专班填写的工作簿（Excel 或 WPS 的 .xlsx、.xls、.ods；可一个专班一个文件，也可一个文件含全部专班；也可用 CSV，UTF-8 或 GB18030 均可）或数据文件（JSON）。检查和预览都在本页完成，文件不会上传到任何地方。",
            file: "1. 选择文件",
            choose: "选择一个或多个文件，或把文件拖到这里",
            settings: "2. 表格之外的信息（工作簿的“填写说明”工作表中有的会自动填入）",
            f_title: "计划名称（中文）*",
            f_title_en: "计划名称（英文）",
            f_as_of: "数据截至日期 *（如 2024-06-30）",
            f_source: "来源标题",
            f_publisher: "来源发布单位",
            f_url: "来源链接（http 或 https）",
            f_sample: "所有状态和数字为示例数据",
            again: "按以上信息重新检查",
            result: "3. 检查结果",
            waiting: "尚未选择文件。",
            download: "4. 下载",
            download_help: "数据文件交给网站发布；无脚本备用内容粘贴在文章的 <task-force-tracker> 元素里。",
            get_json: "下载数据文件（JSON）",
            get_html: "下载无脚本备用内容（HTML）",
            get_csv: "下载表格（CSV，可继续编辑后再导入）",
            preview: "6. 读者看到的样子",
            reading: "正在检查 {}……",
            encoding: "（文件编码：{}）",
            unreadable: "无法读取此文件。",
            get_book: "下载 Excel 工作簿（.xlsx，可继续编辑后再导入）",
            get_template: "下载空白模板（.xlsx）",
            contributed: "各文件带来的内容：",
            from_book: "已按工作簿填入：{}",
            template_name: "进展表模板",
            poster: "5. 长图（微信文章、印刷）",
            poster_help: "不能运行脚本的地方（微信公众号文章、报纸版面）用图片：宽 1500 像素的 PNG 长图，或可任意缩放的 SVG 矢量图。配图说明可直接粘贴在图片下方，也可作为图片的替代文字。",
            poster_which: "长图内容",
            get_png: "下载长图（PNG）",
            get_svg: "下载矢量图（SVG，印刷用）",
            caption: "配图说明（可作图片的替代文字）",
            copy_caption: "复制说明",
            copied: "已复制",
            drawing: "正在生成长图…",
            draw_failed: "此浏览器无法生成长图，仍可下载矢量图（SVG）。",
            too_tall: "这张长图太长，无法生成 PNG（2 倍时 {} 像素，浏览器最多只能画 32,000 像素）。请下载矢量图（SVG），或按专班分别生成。",
        };

        const BOOK: BookText = BookText {
            instructions: "填写说明",
            help: &[
                "本工作簿的填写方法",
                "每个专班一个工作表（也可全部专班填在一个工作表里）：每项措施一行，其节点（行类型填 milestone）和汇报（行类型填 report）各占一行，放在该措施下方。",
                "请保留第一行表头：括号里是各列的字段名，如“完成时限（due）”。不用的列可以删去，但不要改名。",
                "状态请从下拉列表中选择；进度填 0 到 100 的整数；日期请填日期格式（yyyy-mm-dd）。",
                "请在下方填写计划本身的信息；工作台和“tft import”命令会从这里读取。",
            ],
            settings_head: ["项目", "内容"],
            blank_sheet: "专班",
            yes: "是",
            status_error: ["状态不在列表中", "请从下拉列表中选择六种状态之一。"],
            progress_error: ["进度有误", "请填写 0 到 100 的整数（百分比，不带 %）。"],
            date_error: ["日期有误", "请填写真实存在的日期，如 2024-06-30。"],
        };

        fn sheet(kind: &Kind) -> String {
            match kind {
                Kind::Data(crate::model::problem::Kind::Missing { field }) => {
                    format!("为空，应为{}", Self::expected(field.ty))
                }
                Kind::Data(k) => Self::message(k),
                Kind::EmptyFile => "文件是空的".into(),
                Kind::ReadersTable => "这是从进展表“下载数据 CSV”得到的读者表格（每项措施一行，只含最新汇报），不是计划的数据表格；请在工作台用“下载表格”或用 `tft export-csv` 取得数据表格，编辑后再导入".into(),
                Kind::NotCsv(why) => format!("无法按 CSV 读取此文件（“{why}”）"),
                Kind::UnclosedQuote => "有一个带引号的单元格没有结束（缺少一个 \"）".into(),
                Kind::BadEncoding => "文件既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”后重试".into(),
                Kind::UnknownColumn { header } => {
                    let known: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
                    format!("未知的列“{header}”；可用的列有：{}", known.join("、"))
                }
                Kind::MissingColumn => "缺少这一必填列".into(),
                Kind::BadRowType { found } => format!("应为 measure、milestone 或 report，实际是“{found}”"),
                Kind::EmptyId => "为空，应填写编号".into(),
                Kind::NoTaskForceAbove { id } => format!("这一行所属的专班“{id}”在上方没有措施行"),
                Kind::NoMeasureAbove { id } => format!("这一行所属的措施“{id}”在上方没有措施行"),
                Kind::DuplicateMeasure { id, task_force, first } => {
                    format!("“{id}”已是专班“{task_force}”{}措施的编号；每项措施须有自己的编号", Self::spot(first))
                }
                Kind::DuplicateTaskForce { id, first } => {
                    format!("专班“{id}”已来自{}；每个专班只能来自一个文件的一个工作表", Self::spot(first))
                }
                Kind::NotWorkbook(why) => format!("不是 Excel、WPS 或 LibreOffice 保存的工作簿（.xlsx、.xls、.ods）；读取时出错：“{why}”"),
                Kind::NoDataSheet => "工作簿中没有一个工作表带有数据表格的表头（task_force_id、measure_id、title、status……）；请从空白模板（`tft template`，或在工作台下载）开始填写".into(),
                Kind::ChineseRequired { filled } => {
                    format!("为空，但已填写 {}；中文内容必填（否则中文读者看到的是英文）", filled.header())
                }
                Kind::MilestoneStatus { found } => format!("节点行的 status 只能填“已完成”或留空，实际是“{found}”"),
                Kind::ReportOnMeasureRow => "措施行里填了汇报列；汇报请单独成行，type 填 report".into(),
                Kind::MilestoneNeedsDue => "为空；节点需要填写日期".into(),
                Kind::ReportNeedsDate => "为空；汇报需要填写日期".into(),
                Kind::BadDate(DateFault::Unreadable { cell }) => {
                    format!("应为真实存在的日期，写成 YYYY-MM-DD（如 2024-06-30），实际是“{cell}”")
                }
                Kind::BadDate(DateFault::Ambiguous { cell, month_first, day_first }) => format!(
                    "“{cell}”既可读作 {month_first}（月在前），也可读作 {day_first}（日在前）；请写成 YYYY-MM-DD"
                ),
            }
        }

        fn place(place: &Place) -> String {
            match place {
                Place::File => String::new(),
                Place::Cell { within, row, column: Some(c) } => {
                    format!("{}第 {row} 行，{}列", within_prefix(within), cjk_before(within.header(*c)))
                }
                Place::Cell { within, row, column: None } => format!("{}第 {row} 行", within_prefix(within)),
                Place::Whole(within) if within.file.is_some() => within_prefix(within),
                Place::Whole(_) => "文件".into(),
                Place::Setting(s) => Self::setting(*s).into(),
            }
        }

        fn spot(spot: &Spot) -> String {
            format!("{}第 {} 行", within_prefix(&spot.within), spot.row)
        }

        fn column(c: Column) -> &'static str {
            match c {
                Column::Type => "行类型",
                Column::TaskForceId => "专班编号",
                Column::TaskForce => "专班名称",
                Column::TaskForceEn => "专班英文名称",
                Column::Focus => "工作重点",
                Column::FocusEn => "工作重点英文",
                Column::Leader => "专班组长",
                Column::Members => "成员单位",
                Column::MeasureId => "措施编号",
                Column::Title => "措施名称",
                Column::TitleEn => "措施英文名称",
                Column::Status => "状态",
                Column::Progress => "进度",
                Column::Start => "开始日期",
                Column::Due => "完成时限",
                Column::Sample => "示例数据",
                Column::ReportDate => "汇报日期",
                Column::ReportStatus => "汇报时状态",
                Column::ReportProgress => "汇报时进度",
                Column::Note => "汇报内容",
                Column::NoteEn => "汇报内容英文",
                Column::Url => "汇报链接",
            }
        }

        fn contribution(c: &Contribution) -> String {
            let within = within_prefix(&c.within);
            let within = if within.is_empty() { "文件".to_string() } else { within };
            format!(
                "{}：{} 个专班，{} 项措施，{} 个节点，{} 条汇报",
                within, c.task_forces, c.measures, c.milestones, c.reports
            )
        }

        fn setting(s: Setting) -> &'static str {
            match s {
                Setting::Title => "计划名称（中文）",
                Setting::TitleEn => "计划名称（英文）",
                Setting::AsOf => "数据截至日期",
                Setting::SourceTitle => "来源标题",
                Setting::SourceTitleEn => "来源标题（英文）",
                Setting::SourcePublisher => "来源发布单位",
                Setting::SourcePublisherEn => "来源发布单位（英文）",
                Setting::SourceUrl => "来源链接",
                Setting::SourceDate => "来源日期",
                Setting::Sample => "示例数据",
            }
        }

        fn normalised(note: &Normalised) -> String {
            let Normalised { column, count, first } = note;
            match count {
                1 => format!("{} 列：日期 {first} 已写为 YYYY-MM-DD 格式", column.header()),
                n => format!("{} 列：{n} 个日期（如 {first}）已写为 YYYY-MM-DD 格式", column.header()),
            }
        }

        fn counts(c: &Counts) -> String {
            format!(
                "{} 个专班，{} 项措施（{} 项已完成，{} 项逾期），{} 条汇报，{} 个节点",
                c.task_forces, c.measures, c.completed, c.overdue, c.reports, c.milestones
            )
        }

        fn desk_ok(summary: &str) -> String {
            format!("没有发现问题：{summary}。")
        }

        fn desk_bad(problems: usize) -> String {
            format!("发现 {problems} 处问题，请在表格中改正后重新选择文件：")
        }

        fn json_place(line: usize, col: usize, path: &str) -> String {
            if line == 0 {
                path.into()
            } else {
                format!("第 {line} 行第 {col} 列 {path}")
            }
        }

        fn validate_line(error: bool, path: &str, message: &str) -> String {
            let kind = if error { "错误" } else { "警告" };
            if path.is_empty() {
                format!("{kind}：{message}")
            } else {
                format!("{kind}：{path}：{message}")
            }
        }

        fn valid(task_forces: usize, measures: usize, warnings: usize) -> String {
            format!("有效（{task_forces} 个专班，{measures} 项措施，{warnings} 条警告）")
        }

        fn refused(errors: usize, warnings: usize) -> String {
            format!("{errors} 处错误，{warnings} 条警告")
        }

        fn not_json() -> &'static str {
            "不是 JSON"
        }

        fn html_page() -> &'static str {
            "这是网页（HTML），不是 JSON 数据文件"
        }

        fn imported(counts: &str, to: Option<&str>) -> String {
            match to {
                Some(to) => format!("已导入：{counts}；写入 {to}"),
                None => format!("已导入：{counts}；写入标准输出"),
            }
        }

        fn nothing_written(problems: usize) -> String {
            format!("发现 {problems} 处问题，未写出任何文件")
        }

        const POSTER: PosterText =
            PosterText { kicker: "进展一览", by_task_force: "各专班进展", overview: "总览" };

        fn measures_total(n: u32) -> String {
            format!("共 {n} 项措施")
        }

        fn caption(s: &Summary, as_of: &str, furthest: Option<&TaskForceSummary>) -> String {
            let mut out = format!("截至{as_of}，{}项措施中已完成{}项，", s.measures, s.by_status.completed);
            out.push_str(&overdue(s.overdue));
            match furthest {
                Some(t) => out.push_str(&format!(
                    "；进展最快的是{}，{}项中已完成{}项。",
                    t.name, t.measures, t.by_status.completed
                )),
                None => out.push('。'),
            }
            out.push_str(sample(s.sample));
            out
        }

        fn caption_task_force(s: &Summary, as_of: &str, tf: &TaskForceSummary) -> String {
            let list: Vec<String> =
                tf.by_status.present().map(|(st, n)| format!("{}{n}项", status_label(st, Lang::ZhHans))).collect();
            let mut out = format!("截至{as_of}，{}的{}项措施中，{}", tf.name, tf.measures, list.join("、"));
            out.push_str(&format!("；{}。", overdue(tf.overdue)));
            out.push_str(sample(s.sample));
            out
        }

        fn no_task_force(id: &str, known: &str) -> String {
            format!("没有编号为“{id}”的专班；数据中的专班编号：{known}")
        }

        fn wrote(to: &str) -> String {
            format!("已写入 {to}")
        }

        fn as_of_flag(given: &str, example: Option<&str>) -> String {
            match example {
                Some(iso) => format!("--as-of 须写成 YYYY-MM-DD，例如 --as-of {iso}"),
                None => format!("--as-of 须为 YYYY-MM-DD 格式的日期，而不是“{given}”"),
            }
        }

        fn not_a_programme(file: &str) -> String {
            format!("不是有效的计划数据；运行 `tft validate {file}` 查看详情")
        }

        fn not_utf8() -> &'static str {
            "文件不是 UTF-8 文字；请另存为 UTF-8（JSON 文件必须是 UTF-8）"
        }
    }
}
