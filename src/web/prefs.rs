//! The reader's preferences: the interface language and the colour theme. Remembered in this
//! browser (apart from the work, so that clearing one never touches the other) and applied to
//! the page's root element: `lang`, and `data-theme` for the style sheet.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::charts::style::Palette;
use crate::domain::Lang;
use crate::web::storage;

pub const PREFS_KEY: &str = "pilot-board.prefs";

/// The colour theme. `System` follows the operating system's light or dark setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast];

    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Theme::System => lang.pick("跟随系统", "System"),
            Theme::Light => lang.pick("浅色", "Light"),
            Theme::Dark => lang.pick("深色", "Dark"),
            Theme::Contrast => lang.pick("高对比度", "High contrast"),
        }
    }
}

/// Reads `lang=en;theme=dark`; anything unknown is ignored, so a damaged value costs nothing
/// but the preference.
fn parse(text: &str) -> (Option<Lang>, Option<Theme>) {
    let mut lang = None;
    let mut theme = None;
    for pair in text.split(';') {
        match pair.split_once('=') {
            Some(("lang", code)) => lang = Lang::from_code(code),
            Some(("theme", code)) => theme = Theme::from_code(code),
            _ => {}
        }
    }
    (lang, theme)
}

/// The language and theme, read once at start and written back whenever either changes.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    /// Whether the operating system asks for dark colours (`prefers-color-scheme`).
    pub system_dark: RwSignal<bool>,
    /// While printing (between `beforeprint` and `afterprint`, or while the print media
    /// applies): pages are printed in the light colours, with every record and warning.
    pub printing: RwSignal<bool>,
}

impl Prefs {
    /// Reads the remembered preferences (Chinese and the system's theme when there are none),
    /// keeps the page's root element in step with them, and remembers every change.
    pub fn start(lang: RwSignal<Lang>) -> Self {
        let (stored_lang, stored_theme) = storage::read(PREFS_KEY)
            .as_deref()
            .map(parse)
            .unwrap_or_default();
        if let Some(stored) = stored_lang {
            lang.set(stored);
        }
        let prefs = Prefs {
            lang,
            theme: RwSignal::new(stored_theme.unwrap_or_default()),
            system_dark: RwSignal::new(false),
            printing: RwSignal::new(false),
        };
        follow_media("(prefers-color-scheme: dark)", prefs.system_dark);
        // Ctrl+P sends beforeprint; a print preview or emulated print media only the media.
        follow_media("print", prefs.printing);
        let before =
            window_event_listener(leptos::ev::beforeprint, move |_| prefs.printing.set(true));
        let after =
            window_event_listener(leptos::ev::afterprint, move |_| prefs.printing.set(false));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
        Effect::new(move || {
            let (lang, theme) = (prefs.lang.get(), prefs.theme.get());
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.tag());
                let _ = root.set_attribute("data-theme", theme.code());
            }
        });
        // Written only on a change, never at start: the stored value stays as it was until the
        // reader picks something.
        Effect::watch(
            move || (prefs.lang.get(), prefs.theme.get()),
            move |(lang, theme), _, _| {
                let _ = storage::write(
                    PREFS_KEY,
                    &format!("lang={};theme={}", lang.code(), theme.code()),
                );
            },
            false,
        );
        provide_context(prefs);
        prefs
    }

    pub fn expect() -> Self {
        expect_context::<Prefs>()
    }

    /// The colours charts are drawn in on screen, for the theme in force.
    pub fn palette(self) -> Palette {
        if self.printing.get() {
            return Palette::LIGHT;
        }
        match self.theme.get() {
            Theme::System if self.system_dark.get() => Palette::DARK,
            Theme::System | Theme::Light => Palette::LIGHT,
            Theme::Dark => Palette::DARK,
            Theme::Contrast => Palette::CONTRAST,
        }
    }
}

/// Keeps `matches` equal to whether the media query `query` matches, as it changes.
fn follow_media(query: &str, matches: RwSignal<bool>) {
    let Ok(Some(list)) = window().match_media(query) else {
        return;
    };
    matches.set(list.matches());
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| matches.set(event.matches()),
    );
    let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The page's preferences live as long as the page.
    on_change.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_read_back_and_ignore_the_unknown() {
        assert_eq!(
            parse("lang=en;theme=contrast"),
            (Some(Lang::En), Some(Theme::Contrast))
        );
        assert_eq!(parse("theme=dark"), (None, Some(Theme::Dark)));
        assert_eq!(parse("lang=fr;theme=pink;x"), (None, None));
        assert_eq!(parse(""), (None, None));
    }
}
