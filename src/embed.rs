//! The embed contract, declared once: the element's tag, the attributes it
//! follows and the events it sends. The web layer reads attributes and
//! sends events by these declarations; `tft contract` prints them, and the
//! end-to-end tests hold the JS shim's own list (which the browser needs
//! before any WebAssembly loads) against that output in a real browser.

/// The custom element's tag.
pub const TAG: &str = "task-force-tracker";

/// The element's attributes that the tracker follows (`loading` is read by
/// the shim alone, before the tracker exists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    /// URL of the programme JSON.
    Src,
    /// Interface language.
    Lang,
    /// light, dark or auto.
    Theme,
    /// The task force shown first.
    Selected,
    /// Seconds between re-fetches of `src`.
    Refresh,
    /// Seconds a fetch may take.
    Timeout,
    /// `off`: remember nothing between visits.
    Remember,
    /// Present: failures show their detail in place (for editors previewing).
    Preview,
}

impl Attribute {
    /// Every followed attribute, in the order the shim lists them.
    pub const ALL: [Attribute; 8] = [
        Attribute::Src,
        Attribute::Lang,
        Attribute::Theme,
        Attribute::Selected,
        Attribute::Refresh,
        Attribute::Timeout,
        Attribute::Remember,
        Attribute::Preview,
    ];

    /// The attribute's name.
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Src => "src",
            Attribute::Lang => "lang",
            Attribute::Theme => "theme",
            Attribute::Selected => "selected",
            Attribute::Refresh => "refresh",
            Attribute::Timeout => "timeout",
            Attribute::Remember => "remember",
            Attribute::Preview => "preview",
        }
    }

    /// The attribute called `name`.
    pub fn from_name(name: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The events the element sends (bubbling, composed), for host analytics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Data is shown, or changed.
    Load,
    /// The reader selected a task force.
    Select,
    /// Data could not be shown, or a refresh failed.
    Error,
}

impl Event {
    /// Every event.
    pub const ALL: [Event; 3] = [Event::Load, Event::Select, Event::Error];

    /// The DOM event's type.
    pub fn name(self) -> &'static str {
        match self {
            Event::Load => "tft-load",
            Event::Select => "tft-select",
            Event::Error => "tft-error",
        }
    }
}
