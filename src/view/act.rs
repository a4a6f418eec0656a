//! What a reader can do, declared once: each control the view draws carries
//! its [`Act`] in `data-act` (and what it acts on in `data-arg`); the web
//! layer reads them back from the element clicked or typed in, and the
//! controller matches on the enum. Nothing else spells an action's name.

/// A reader action, and the control that carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// A task force's tab (`data-arg`: its index).
    Tab,
    /// A measure's disclosure button (`data-arg`: `taskforce/measure`).
    Toggle,
    /// "Copy link" (`data-arg`: `taskforce` or `taskforce/measure`).
    Copy,
    /// The field showing a link that could not be copied.
    CopyField,
    /// "Download data" (`data-arg`: `json` or `csv`).
    Download,
    /// The language switch (`data-arg`: a language tag).
    Lang,
    /// "Show more".
    More,
    /// List or timeline (`data-arg`: `list` or `timeline`).
    Layout,
    /// "Clear filters".
    Clear,
    /// "Show them in all task forces".
    ScopeAll,
    /// "Show only these" (updated since the last visit).
    Updated,
    /// The search box (its value).
    Query,
    /// The status filter (its value: a status key, `overdue` or nothing).
    Status,
    /// The scope filter (its value: `one` or `all`).
    Scope,
}

impl Act {
    /// The name written in `data-act`.
    pub fn name(self) -> &'static str {
        match self {
            Act::Tab => "tab",
            Act::Toggle => "toggle",
            Act::Copy => "copy",
            Act::CopyField => "copy-field",
            Act::Download => "download",
            Act::Lang => "lang",
            Act::More => "more",
            Act::Layout => "layout",
            Act::Clear => "clear",
            Act::ScopeAll => "scope-all",
            Act::Updated => "updated",
            Act::Query => "query",
            Act::Status => "status",
            Act::Scope => "scope",
        }
    }

    /// Every action.
    pub const ALL: [Act; 14] = [
        Act::Tab,
        Act::Toggle,
        Act::Copy,
        Act::CopyField,
        Act::Download,
        Act::Lang,
        Act::More,
        Act::Layout,
        Act::Clear,
        Act::ScopeAll,
        Act::Updated,
        Act::Query,
        Act::Status,
        Act::Scope,
    ];

    /// The action a `data-act` names.
    pub fn from_name(name: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Whether `e` is a control carrying this action.
    pub fn on(self, e: &crate::tree::Element) -> bool {
        e.get_attr(ATTR) == Some(self.name())
    }
}

/// The attribute that carries an action.
pub const ATTR: &str = "data-act";
/// The attribute that says what an action is on.
pub const ARG: &str = "data-arg";
