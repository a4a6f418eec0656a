//! 繁體中文。

use super::{Strings, Words};
use crate::model::date::Date;
use crate::model::diff::Change;
use crate::model::format::Ty;
use crate::model::problem::{Context, Found, IdFault, IdHint, Kind, LoadError, Named, Scope, Syntax, ValueFault};
use crate::model::text::Lang;
use crate::model::{status_label, Status, Tally};

/// The Traditional Chinese table.
pub struct ZhHant;

fn status(s: Status) -> &'static str {
    status_label(s, Lang::ZhHant)
}

fn syntax(s: Syntax) -> &'static str {
    match s {
        Syntax::EndExpectingValue => "檔案意外結束，缺少一個值",
        Syntax::EndInString => "檔案在一段文字中間就結束了（可能被截斷）",
        Syntax::EndInArray => "檔案在一個列表中間就結束了（可能被截斷）",
        Syntax::EndInObject => "檔案在一個物件中間就結束了（可能被截斷）",
        Syntax::TooDeep => "巢狀超過 64 層",
        Syntax::Html => "這看起來是網頁（HTML），應為 JSON 資料檔案",
        Syntax::UnexpectedCharacter => "此處的字元不能開始一個值",
        Syntax::UnexpectedWord => "此處的詞不是 true、false 或 null",
        Syntax::ExpectedMemberName => "此處應為用雙引號括起的成員名",
        Syntax::ExpectedColon => "成員名之後應為冒號「:」",
        Syntax::ExpectedCommaOrBracket => "列表項之後應為逗號「,」或「]」",
        Syntax::ExpectedCommaOrBrace => "物件成員之後應為逗號「,」或「}」",
        Syntax::TrailingText => "JSON 值結束之後還有多餘的內容",
        Syntax::UnknownEscape => "文字中有不存在的轉義符",
        Syntax::IncompleteEscape => "\\u 轉義不完整（應有 4 位十六進位數字）",
        Syntax::BadEscape => "\\u 轉義中有不是十六進位數字的字元",
        Syntax::UnpairedSurrogate => "\\u 轉義中的代理項不成對",
        Syntax::ControlCharacter => "文字中有控制字元",
        Syntax::NotUtf8 => "檔案不是有效的 UTF-8 文字",
        Syntax::ExpectedDigits => "數字不完整（缺少數字）",
        Syntax::ExpectedFraction => "小數點之後缺少數字",
        Syntax::ExpectedExponent => "指數部分缺少數字",
    }
}

fn id_fault(f: &IdFault) -> String {
    match f {
        IdFault::Char { position, length, ch, hint } => {
            let hint = match hint {
                Some(IdHint::Lowercase) => "（請用小寫）",
                Some(IdHint::Start) => "（編號須以字母或數字開頭）",
                None => "",
            };
            format!("第 {position} 個字元（共 {length} 個）是「{ch}」（U+{:04X}）{hint}", u32::from(*ch))
        }
        IdFault::Empty => "編號為空".into(),
        IdFault::TooLong { length } => {
            format!("共 {length} 個字元，比上限 {} 多 {}", IdFault::MAX, length - IdFault::MAX)
        }
    }
}

fn named(n: &Named) -> String {
    let id = n.id.as_ref().map(|s| format!("「{s}」"));
    id.into_iter().chain(n.name.clone()).collect::<Vec<_>>().join(" ")
}

impl Words for ZhHant {
    const UI: Strings = Strings {
        task_forces: "專班",
        as_of: "資料截至",
        source: "來源",
        sample_badge: "示例資料 · Sample data",
        sample_note: "原文未公佈各項措施的狀態和進度，此處狀態與數字為示例，並非官方資料。",
        overall: "總體進展",
        measures_done: "項已完成",
        focus: "工作重點",
        leader: "專班組長",
        members: "成員單位",
        not_published: "原文未公佈",
        measures: "工作措施",
        due: "完成時限",
        no_due: "未定時限",
        overdue: "已逾期",
        progress: "已報進度",
        schedule: "序時進度",
        latest_report: "最新匯報",
        no_reports: "暫無匯報",
        no_measures: "暫無工作措施",
        report_source: "出處",
        load_failed: "進展資料載入失敗",
        what_to_do: "請檢查資料檔案後重新整理頁面。",
        sample_short: "示例",
        showing_as_of: "顯示的是此前載入的資料，截至",
        update_failed: "更新失敗：",
        version: "資料版本",
        download: "下載資料",
        language: "語言",
        filters: "篩選措施",
        search: "搜尋",
        search_hint: "措施或匯報中的文字",
        status: "狀態",
        all_statuses: "全部狀態",
        scope: "範圍",
        scope_one: "當前專班",
        scope_all: "全部專班",
        clear: "清除篩選",
        no_results: "沒有符合條件的措施。",
        updated: "自上次造訪後有更新",
        only_updated: "只看有更新的措施",
        layout: "顯示方式",
        list: "列表",
        timeline: "時間軸",
        start: "開始",
        as_table: "以表格查看時間軸",
        timeline_legend:
            "豎線為資料截至日期（序時進度所在）；粗線為已報進度；菱形為節點，實心為已達成；紅色時限為已逾期。",
        measure: "措施",
        results_all: "全部專班中的篩選結果",
        milestones: "節點",
        history: "匯報記錄",
        ms_done: "已完成",
        ms_pending: "待完成",
        ms_late: "已逾期",
        copy_link: "複製連結",
        link_copied: "連結已複製",
        copy_failed: "無法複製，連結為：",
        data_updated: "資料已更新，截至",
        version_help: "（下載檔案的檔名帶有同一標識，可據此核對）",
        overdue_only: "已逾期的措施",
        search_all: "在全部專班中查看",
        copy_here: "複製此連結",
        unavailable: "進展資料暫時無法顯示，請稍後再試。",
        not_updated: "資料暫時無法更新，以下為此前發佈的內容。",
        update_pending: "更新暫時未成功",
        crashed: "進展表出現內部錯誤，已停止執行。請重新整理頁面重試。",
        cannot_run: "進展表無法在此瀏覽器中執行。",
        none: "—",
        colon: "：",
        list_sep: "、",
        paren: ("（", "）"),
    };

    fn message(kind: &Kind) -> String {
        match kind {
            Kind::Syntax(s) => syntax(*s).into(),
            Kind::Missing { field } => format!("缺少欄位 `{}`，應為{}", field.name, Self::expected(field.ty)),
            Kind::WrongType { expected, found } => {
                format!("應為{}，實際是{}", Self::expected(*expected), Self::found(found))
            }
            Kind::TooLong { length, max } => format!("文字長 {length} 個字元，最多 {max} 個"),
            Kind::TooMany { count, max } => format!("共 {count} 項，最多 {max} 項"),
            Kind::TooManyMeasures { count, max } => format!("共 {count} 項措施，最多 {max} 項"),
            Kind::NoTaskForces => "專班列表為空，至少需要一個專班".into(),
            Kind::UnknownLanguage { key } => format!("未知的語言 `{key}`，應為 zh-Hans、zh-Hant 或 en"),
            Kind::BadId(fault) => format!("應為{}：{}", Self::expected(Ty::Id), id_fault(fault)),
            Kind::BadStatus { found, nearest } => {
                let mut out = format!("應為{}，實際是{}", Self::expected(Ty::Status), Self::found(found));
                if let Some(near) = nearest {
                    out.push_str(&format!("；是否應為「{near}」？"));
                }
                out
            }
            Kind::DuplicateId { id, scope, first } => {
                let scope = match scope {
                    Scope::TaskForces => "各專班之間",
                    Scope::Measures => "同一專班內",
                };
                format!("編號「{id}」重複，{scope}的編號不能重複（首次出現在 {first}）")
            }
            Kind::DuplicateMember { name } => format!("`{name}` 出現了兩次"),
            Kind::UnknownField { name, .. } => format!("未知欄位 `{name}`，已忽略"),
            Kind::CompletedBelowFull { progress } => format!("狀態為已完成，但進度是 {progress}%"),
            Kind::DueBeforeStart { due, start } => format!("完成時限 {due} 早於開始日期 {start}"),
            Kind::ReportAfterAsOf { date, as_of } => format!("匯報日期 {date} 晚於資料截至日期 {as_of}"),
            Kind::RepeatedTitle { title } => format!("標題「{title}」在本專班中出現不止一次"),
        }
    }

    fn expected(ty: Ty) -> String {
        match ty {
            Ty::Text(max) => format!("非空文字，或以 zh-Hans、zh-Hant、en 為鍵的文字（每種最多 {max} 個字元）"),
            Ty::Date => "真實存在的日期，寫成 YYYY-MM-DD（如 2020-04-17）".into(),
            Ty::Id => "1–64 個字元的編號（小寫字母 a-z、數字、「-」或「_」，以字母或數字開頭）".into(),
            Ty::Link => "以 http:// 或 https:// 開頭的完整連結".into(),
            Ty::Percent => "0 到 100 的整數".into(),
            Ty::Status => {
                let words: Vec<String> = Status::ALL.iter().map(|s| format!("{}（{}）", status(*s), s.key())).collect();
                format!("以下之一：{}", words.join("、"))
            }
            Ty::Bool => "true 或 false".into(),
            Ty::Str => "文字".into(),
            Ty::Object(t) => format!("一個物件（{}）", t.name),
            Ty::TextList(max, _) => format!("最多 {max} 項文字的列表"),
            Ty::List(t, max) => format!("最多 {max} 個 {} 的列表", t.name),
        }
    }

    fn found(found: &Found) -> String {
        match found {
            Found::Null => "null".into(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("數字 {n}"),
            Found::Str(s) if s.is_empty() => "空白".into(),
            Found::Str(s) => format!("文字「{s}」"),
            Found::LongStr(n) => format!("{n} 個字元的文字"),
            Found::Array(n) => format!("{n} 項的列表"),
            Found::Object => "一個物件".into(),
        }
    }

    fn context(c: &Context) -> String {
        let mut out = format!("位於專班 {}", named(&c.task_force));
        if let Some(m) = &c.measure {
            out.push_str(&format!("，措施 {}", named(m)));
        }
        out
    }

    fn located(path: &str, line: usize, col: usize, message: &str) -> String {
        let path = if path.is_empty() { "（頂層）" } else { path };
        if line > 0 {
            format!("{path}（第 {line} 行第 {col} 列）：{message}")
        } else {
            format!("{path}：{message}")
        }
    }

    fn load_error(e: &LoadError) -> String {
        match e {
            LoadError::Http(code) => format!("伺服器回傳 HTTP {code} 錯誤"),
            LoadError::NoResponse => "頁面的 fetch 沒有給出回應（頁面上的腳本替換了它）".into(),
            LoadError::Timeout(secs) => format!("{secs} 秒內沒有回應"),
            LoadError::TooLarge(limit) => format!("檔案超過 {} MB 上限，未讀取", limit >> 20),
            LoadError::NotUtf8 => "檔案不是 UTF-8 編碼，請另存為 UTF-8（JSON 檔案必須是 UTF-8）".into(),
            LoadError::Network(d) => format!("網路錯誤（瀏覽器的說明：「{d}」）"),
            LoadError::NotJson(p) if p.kind == Kind::Syntax(Syntax::Html) => {
                "收到的是網頁（HTML），不是 JSON 資料檔案".into()
            }
            LoadError::NotJson(p) => {
                format!("不是有效的 JSON：第 {} 行第 {} 列：{}", p.line, p.col, Self::message(&p.kind))
            }
            LoadError::NotJsonValue(fault) => format!("該值無法寫成 JSON（{}）", Self::value_fault(fault)),
            LoadError::Invalid(problems) => {
                let mut out = "資料有誤：".to_string();
                if let Some(first) = problems.first() {
                    out.push_str(&super::problem(Lang::ZhHant, first));
                }
                if problems.len() > 1 {
                    out.push_str(&format!("（另有 {} 處問題）", problems.len() - 1));
                }
                out
            }
        }
    }

    fn value_fault(fault: &ValueFault) -> String {
        let at = |path: &str| if path.is_empty() { "（頂層）".to_string() } else { path.to_string() };
        match fault {
            ValueFault::TooDeep { path, max } => {
                format!("{}：巢狀超過 {max} 層（物件是否引用了自身？），最多 {max} 層", at(path))
            }
            ValueFault::NotJson { path } => {
                format!("{}：應為 JSON 值（null、true/false、數字、文字、陣列或普通物件）", at(path))
            }
            ValueFault::Threw(what) => format!("讀取時出錯：「{what}」"),
        }
    }

    fn showing(shown: usize, total: usize) -> String {
        format!("顯示 {shown}/{total} 項措施")
    }

    fn show_more(remaining: usize) -> String {
        format!("顯示更多（還有 {remaining} 項）")
    }

    fn matching(n: usize) -> String {
        format!("{n} 項符合")
    }

    fn overdue_count(n: usize) -> String {
        format!("{n} 項逾期")
    }

    fn elsewhere(n: usize) -> String {
        format!("其他專班另有 {n} 項")
    }

    fn updated_count(n: usize) -> String {
        format!("{n} 項措施自上次造訪後有更新")
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
            "{name}時間軸：{measures} 項措施，{from}至{to}；截至{as_of}，{overdue} 項已逾期。下方表格列有同樣的資訊。"
        )
    }

    fn diff_heading(new: &str, old: &str) -> String {
        format!("進展更新（資料截至{new}，上次{old}）")
    }

    fn diff_totals(b: &Tally, a: &Tally) -> String {
        format!(
            "措施 {} → {} 項；已完成 {} → {} 項；已逾期 {} → {} 項。",
            b.total(),
            a.total(),
            b.done(),
            a.done(),
            b.overdue,
            a.overdue
        )
    }

    fn diff_nothing() -> &'static str {
        "沒有變化。\n"
    }

    fn diff_change(c: &Change, t: &str) -> String {
        let due = |x: &Option<Date>| x.map_or_else(|| "未定".to_string(), Self::date);
        let said = |t: &crate::model::text::Text| format!("「{}」", t.get(Lang::ZhHant));
        match c {
            Change::TaskForceAdded(_) => format!("新增專班：{t}"),
            Change::TaskForceRemoved(_) => format!("專班已移除：{t}"),
            Change::MeasureAdded(_, s) => format!("新增措施：{t}（{}）", status(*s)),
            Change::MeasureRemoved(_) => format!("措施已移除：{t}"),
            Change::Status(_, a, b) => format!("{t}：狀態 {} → {}", status(*a), status(*b)),
            Change::Progress(_, a, b) => format!("{t}：已報進度 {a}% → {b}%"),
            Change::Report(_, d, note) => format!("{t}：新匯報（{}）{}", Self::date(*d), said(note)),
            Change::MilestoneReached(_, m, d) => format!("{t}：節點達成 {}（計劃 {}）", said(m), Self::date(*d)),
            Change::DeadlineMoved(_, a, b) => format!("{t}：完成時限 {} → {}", due(a), due(b)),
            Change::NewlyOverdue(_, d) => format!("{t}：已逾期（完成時限 {}）", Self::date(*d)),
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
mod staff {
    use super::ZhHant;
    use crate::model::status_label;
    use crate::model::summary::{Summary, TaskForceSummary};
    use crate::model::text::Lang;
    use crate::sheet::{Column, Contribution, Counts, DateFault, Kind, Normalised, Place, Setting, Spot, Within};
    use crate::words::{cjk_before, BookText, DeskStrings, PosterText, StaffWords, Words};

    /// 檔案「a.xlsx」工作表「產業振興」, before a row.
    fn within_prefix(w: &Within) -> String {
        let mut out = String::new();
        if let Some(f) = &w.file {
            out.push_str(&format!("檔案「{f}」"));
        }
        if let Some(s) = &w.sheet {
            out.push_str(&format!("工作表「{s}」"));
        }
        out
    }

    fn overdue(n: u32) -> String {
        if n == 0 {
            "沒有逾期".to_string()
        } else {
            format!("{n}項逾期")
        }
    }

    fn sample(sample: bool) -> &'static str {
        if sample {
            "（狀態與數字為示例，並非官方資料。）"
        } else {
            ""
        }
    }

    impl StaffWords for ZhHant {
        const DESK: DeskStrings = DeskStrings {
            title: "進展資料工作台",
            other_title: "Data desk",
            lead: "選擇或拖入各專班填寫的活頁簿（Excel 或 WPS 的 .xlsx、.xls、.ods；可一個專班一個檔案，也可一個檔案含全部專班；也可用 CSV，UTF-8 或 GB18030 均可）或資料檔案（JSON）。檢查和預覽都在本頁完成，檔案不會上傳到任何地方。",
            file: "1. 選擇檔案",
            choose: "選擇一個或多個檔案，或把檔案拖到這裡",
            settings: "2. 表格之外的資訊（活頁簿的「填寫說明」工作表中有的會自動填入）",
            f_title: "計劃名稱（中文）*",
            f_title_en: "計劃名稱（英文）",
            f_as_of: "資料截至日期 *（如 2024-06-30）",
            f_source: "來源標題",
            f_publisher: "來源發佈單位",
            f_url: "來源連結（http 或 https）",
            f_sample: "所有狀態和數字為示例資料",
            again: "按以上資訊重新檢查",
            result: "3. 檢查結果",
            waiting: "尚未選擇檔案。",
            download: "4. 下載",
            download_help: "資料檔案交給網站發佈；無腳本備用內容貼上在文章的 <task-force-tracker> 元素裡。",
            get_json: "下載資料檔案（JSON）",
            get_html: "下載無腳本備用內容（HTML）",
            get_csv: "下載表格（CSV，可繼續編輯後再匯入）",
            preview: "6. 讀者看到的樣子",
            reading: "正在檢查 {}……",
            encoding: "（檔案編碼：{}）",
            unreadable: "無法讀取此檔案。",
            get_book: "下載 Excel 活頁簿（.xlsx，可繼續編輯後再匯入）",
            get_template: "下載空白範本（.xlsx）",
            contributed: "各檔案帶來的內容：",
            from_book: "已按活頁簿填入：{}",
            template_name: "進展表範本",
            poster: "5. 長圖（微信文章、印刷）",
            poster_help: "不能執行指令碼的地方（微信公眾號文章、報紙版面）用圖片：寬 1500 像素的 PNG 長圖，或可任意縮放的 SVG 向量圖。配圖說明可直接貼在圖片下方，也可作為圖片的替代文字。",
            poster_which: "長圖內容",
            get_png: "下載長圖（PNG）",
            get_svg: "下載向量圖（SVG，印刷用）",
            caption: "配圖說明（可作圖片的替代文字）",
            copy_caption: "複製說明",
            copied: "已複製",
            drawing: "正在產生長圖…",
            draw_failed: "此瀏覽器無法產生長圖，仍可下載向量圖（SVG）。",
            too_tall: "這張長圖太長，無法產生 PNG（2 倍時 {} 像素，瀏覽器最多只能畫 32,000 像素）。請下載向量圖（SVG），或按專班分別產生。",
        };

        const BOOK: BookText = BookText {
            instructions: "填寫說明",
            help: &[
                "本活頁簿的填寫方法",
                "每個專班一個工作表（也可全部專班填在一個工作表裡）：每項措施一行，其節點（行類型填 milestone）和匯報（行類型填 report）各佔一行，放在該措施下方。",
                "請保留第一行表頭：括號裡是各欄的欄位名，如「完成時限（due）」。不用的欄可以刪去，但不要改名。",
                "狀態請從下拉清單中選擇；進度填 0 到 100 的整數；日期請填日期格式（yyyy-mm-dd）。",
                "請在下方填寫計劃本身的資訊；工作台和「tft import」命令會從這裡讀取。",
            ],
            settings_head: ["項目", "內容"],
            blank_sheet: "專班",
            yes: "是",
            status_error: ["狀態不在清單中", "請從下拉清單中選擇六種狀態之一。"],
            progress_error: ["進度有誤", "請填寫 0 到 100 的整數（百分比，不帶 %）。"],
            date_error: ["日期有誤", "請填寫真實存在的日期，如 2024-06-30。"],
        };

        fn sheet(kind: &Kind) -> String {
            match kind {
                Kind::Data(crate::model::problem::Kind::Missing { field }) => {
                    format!("為空，應為{}", Self::expected(field.ty))
                }
                Kind::Data(k) => Self::message(k),
                Kind::EmptyFile => "檔案是空的".into(),
                Kind::ReadersTable => "這是從進展表「下載資料 CSV」得到的讀者表格（每項措施一行，只含最新匯報），不是計劃的資料表格；請在工作台用「下載表格」或用 `tft export-csv` 取得資料表格，編輯後再匯入".into(),
                Kind::NotCsv(why) => format!("無法按 CSV 讀取此檔案（「{why}」）"),
                Kind::UnclosedQuote => "有一個帶引號的儲存格沒有結束（缺少一個 \"）".into(),
                Kind::BadEncoding => "檔案既不是 UTF-8 也不是 GB18030 編碼；請另存為「CSV UTF-8」後重試".into(),
                Kind::UnknownColumn { header } => {
                    let known: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
                    format!("未知的列「{header}」；可用的列有：{}", known.join("、"))
                }
                Kind::MissingColumn => "缺少這一必填列".into(),
                Kind::BadRowType { found } => format!("應為 measure、milestone 或 report，實際是「{found}」"),
                Kind::EmptyId => "為空，應填寫編號".into(),
                Kind::NoTaskForceAbove { id } => format!("這一行所屬的專班「{id}」在上方沒有措施行"),
                Kind::NoMeasureAbove { id } => format!("這一行所屬的措施「{id}」在上方沒有措施行"),
                Kind::DuplicateMeasure { id, task_force, first } => {
                    format!("「{id}」已是專班「{task_force}」{}措施的編號；每項措施須有自己的編號", Self::spot(first))
                }
                Kind::DuplicateTaskForce { id, first } => {
                    format!("專班「{id}」已來自{}；每個專班只能來自一個檔案的一個工作表", Self::spot(first))
                }
                Kind::NotWorkbook(why) => format!("不是 Excel、WPS 或 LibreOffice 儲存的活頁簿（.xlsx、.xls、.ods）；讀取時出錯：「{why}」"),
                Kind::NoDataSheet => "活頁簿中沒有一個工作表帶有資料表格的表頭（task_force_id、measure_id、title、status……）；請從空白範本（`tft template`，或在工作台下載）開始填寫".into(),
                Kind::ChineseRequired { filled } => {
                    format!("為空，但已填寫 {}；中文內容必填（否則中文讀者看到的是英文）", filled.header())
                }
                Kind::MilestoneStatus { found } => format!("節點行的 status 只能填「已完成」或留空，實際是「{found}」"),
                Kind::ReportOnMeasureRow => "措施行裡填了匯報列；匯報請單獨成行，type 填 report".into(),
                Kind::MilestoneNeedsDue => "為空；節點需要填寫日期".into(),
                Kind::ReportNeedsDate => "為空；匯報需要填寫日期".into(),
                Kind::BadDate(DateFault::Unreadable { cell }) => {
                    format!("應為真實存在的日期，寫成 YYYY-MM-DD（如 2024-06-30），實際是「{cell}」")
                }
                Kind::BadDate(DateFault::Ambiguous { cell, month_first, day_first }) => format!(
                    "「{cell}」既可讀作 {month_first}（月在前），也可讀作 {day_first}（日在前）；請寫成 YYYY-MM-DD"
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
                Place::Whole(_) => "檔案".into(),
                Place::Setting(s) => Self::setting(*s).into(),
            }
        }

        fn spot(spot: &Spot) -> String {
            format!("{}第 {} 行", within_prefix(&spot.within), spot.row)
        }

        fn column(c: Column) -> &'static str {
            match c {
                Column::Type => "行類型",
                Column::TaskForceId => "專班編號",
                Column::TaskForce => "專班名稱",
                Column::TaskForceEn => "專班英文名稱",
                Column::Focus => "工作重點",
                Column::FocusEn => "工作重點英文",
                Column::Leader => "專班組長",
                Column::Members => "成員單位",
                Column::MeasureId => "措施編號",
                Column::Title => "措施名稱",
                Column::TitleEn => "措施英文名稱",
                Column::Status => "狀態",
                Column::Progress => "進度",
                Column::Start => "開始日期",
                Column::Due => "完成時限",
                Column::Sample => "示例資料",
                Column::ReportDate => "匯報日期",
                Column::ReportStatus => "匯報時狀態",
                Column::ReportProgress => "匯報時進度",
                Column::Note => "匯報內容",
                Column::NoteEn => "匯報內容英文",
                Column::Url => "匯報連結",
            }
        }

        fn contribution(c: &Contribution) -> String {
            let within = within_prefix(&c.within);
            let within = if within.is_empty() { "檔案".to_string() } else { within };
            format!(
                "{}：{} 個專班，{} 項措施，{} 個節點，{} 條匯報",
                within, c.task_forces, c.measures, c.milestones, c.reports
            )
        }

        fn setting(s: Setting) -> &'static str {
            match s {
                Setting::Title => "計劃名稱（中文）",
                Setting::TitleEn => "計劃名稱（英文）",
                Setting::AsOf => "資料截至日期",
                Setting::SourceTitle => "來源標題",
                Setting::SourceTitleEn => "來源標題（英文）",
                Setting::SourcePublisher => "來源發佈單位",
                Setting::SourcePublisherEn => "來源發佈單位（英文）",
                Setting::SourceUrl => "來源連結",
                Setting::SourceDate => "來源日期",
                Setting::Sample => "示例資料",
            }
        }

        fn normalised(note: &Normalised) -> String {
            let Normalised { column, count, first } = note;
            match count {
                1 => format!("{} 列：日期 {first} 已寫為 YYYY-MM-DD 格式", column.header()),
                n => format!("{} 列：{n} 個日期（如 {first}）已寫為 YYYY-MM-DD 格式", column.header()),
            }
        }

        fn counts(c: &Counts) -> String {
            format!(
                "{} 個專班，{} 項措施（{} 項已完成，{} 項逾期），{} 條匯報，{} 個節點",
                c.task_forces, c.measures, c.completed, c.overdue, c.reports, c.milestones
            )
        }

        fn desk_ok(summary: &str) -> String {
            format!("沒有發現問題：{summary}。")
        }

        fn desk_bad(problems: usize) -> String {
            format!("發現 {problems} 處問題，請在表格中改正後重新選擇檔案：")
        }

        fn json_place(line: usize, col: usize, path: &str) -> String {
            if line == 0 {
                path.into()
            } else {
                format!("第 {line} 行第 {col} 列 {path}")
            }
        }

        fn validate_line(error: bool, path: &str, message: &str) -> String {
            let kind = if error { "錯誤" } else { "警告" };
            if path.is_empty() {
                format!("{kind}：{message}")
            } else {
                format!("{kind}：{path}：{message}")
            }
        }

        fn valid(task_forces: usize, measures: usize, warnings: usize) -> String {
            format!("有效（{task_forces} 個專班，{measures} 項措施，{warnings} 條警告）")
        }

        fn refused(errors: usize, warnings: usize) -> String {
            format!("{errors} 處錯誤，{warnings} 條警告")
        }

        fn not_json() -> &'static str {
            "不是 JSON"
        }

        fn html_page() -> &'static str {
            "這是網頁（HTML），不是 JSON 資料檔案"
        }

        fn imported(counts: &str, to: Option<&str>) -> String {
            match to {
                Some(to) => format!("已匯入：{counts}；寫入 {to}"),
                None => format!("已匯入：{counts}；寫入標準輸出"),
            }
        }

        fn nothing_written(problems: usize) -> String {
            format!("發現 {problems} 處問題，未寫出任何檔案")
        }

        const POSTER: PosterText =
            PosterText { kicker: "進展一覽", by_task_force: "各專班進展", overview: "總覽" };

        fn measures_total(n: u32) -> String {
            format!("共 {n} 項措施")
        }

        fn caption(s: &Summary, as_of: &str, furthest: Option<&TaskForceSummary>) -> String {
            let mut out = format!("截至{as_of}，{}項措施中已完成{}項，", s.measures, s.by_status.completed);
            out.push_str(&overdue(s.overdue));
            match furthest {
                Some(t) => out.push_str(&format!(
                    "；進展最快的是{}，{}項中已完成{}項。",
                    t.name, t.measures, t.by_status.completed
                )),
                None => out.push('。'),
            }
            out.push_str(sample(s.sample));
            out
        }

        fn caption_task_force(s: &Summary, as_of: &str, tf: &TaskForceSummary) -> String {
            let list: Vec<String> =
                tf.by_status.present().map(|(st, n)| format!("{}{n}項", status_label(st, Lang::ZhHant))).collect();
            let mut out = format!("截至{as_of}，{}的{}項措施中，{}", tf.name, tf.measures, list.join("、"));
            out.push_str(&format!("；{}。", overdue(tf.overdue)));
            out.push_str(sample(s.sample));
            out
        }

        fn no_task_force(id: &str, known: &str) -> String {
            format!("沒有編號為「{id}」的專班；資料中的專班編號：{known}")
        }

        fn wrote(to: &str) -> String {
            format!("已寫入 {to}")
        }

        fn as_of_flag(given: &str, example: Option<&str>) -> String {
            match example {
                Some(iso) => format!("--as-of 須寫成 YYYY-MM-DD，例如 --as-of {iso}"),
                None => format!("--as-of 須為 YYYY-MM-DD 格式的日期，而不是「{given}」"),
            }
        }

        fn not_a_programme(file: &str) -> String {
            format!("不是有效的計劃資料；執行 `tft validate {file}` 檢視詳情")
        }

        fn not_utf8() -> &'static str {
            "檔案不是 UTF-8 文字；請另存為 UTF-8（JSON 檔案必須是 UTF-8）"
        }
    }
}
