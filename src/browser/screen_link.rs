//! What passes between the app and the screens module, which the app fetches the first time a
//! user opens one of its screens (`scripts/boot.js`). The app owns the open map: it hands the
//! module the map as its document and the screen to show, and the module sends back requests,
//! which the app turns into edits of its map. Requests cross as three plain values (a kind, a
//! number and a text), so neither module needs a second serde reader for them; only an import's
//! answers cross as JSON, read with the map format's own readers.

use journey_core::survey::ImportedAnswers;
use journey_core::{Edit, Millis};

/// A screen of the screens module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The map's saved versions, one open read-only, and what changed between two.
    Versions,
    /// The score report, to print or save as PDF.
    Report,
    /// Two or more personas' curves on one chart, and their scores.
    Personas,
    /// An as-is map and its to-be side by side, with the to-be's projected score.
    Plan,
    /// A survey export read into answers for the map's touchpoints.
    Import,
}

impl Screen {
    pub fn name(self) -> &'static str {
        match self {
            Screen::Versions => "versions",
            Screen::Report => "report",
            Screen::Personas => "personas",
            Screen::Plan => "plan",
            Screen::Import => "import",
        }
    }

    pub fn named(name: &str) -> Option<Screen> {
        [
            Screen::Versions,
            Screen::Report,
            Screen::Personas,
            Screen::Plan,
            Screen::Import,
        ]
        .into_iter()
        .find(|screen| screen.name() == name)
    }
}

/// What the screens module asks of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    SaveVersion {
        name: String,
    },
    RenameVersion {
        number: u32,
        name: String,
    },
    DeleteVersion {
        number: u32,
    },
    RestoreVersion {
        number: u32,
    },
    /// The saved version made a map of its own in the library.
    DuplicateVersion {
        number: u32,
    },
    /// A survey import's answers added to the map.
    AddAnswers(Box<ImportedAnswers>),
    /// The page printed (the score report is what it shows).
    Print,
    /// Back to the map's editor.
    Close,
}

impl Request {
    /// The request for one of the version edits a screen makes; `None` for any other edit.
    pub fn of_edit(edit: Edit) -> Option<Request> {
        Some(match edit {
            Edit::SaveVersion { name, .. } => Request::SaveVersion { name },
            Edit::RenameVersion { number, name } => Request::RenameVersion { number, name },
            Edit::DeleteVersions { numbers } if numbers.len() == 1 => {
                Request::DeleteVersion { number: numbers[0] }
            }
            Edit::RestoreVersion { number } => Request::RestoreVersion { number },
            Edit::AddEvidence {
                evidence,
                loyalty,
                replace,
                survey: Some(mapping),
            } => Request::AddAnswers(Box::new(ImportedAnswers {
                evidence,
                loyalty,
                mapping: *mapping,
                replace,
            })),
            _ => return None,
        })
    }

    /// The edit of the open map this request makes, saved at `now`; `None` for a request that
    /// is not an edit.
    pub fn edit(&self, now: Millis) -> Option<Edit> {
        Some(match self.clone() {
            Request::SaveVersion { name } => Edit::SaveVersion { name, saved: now },
            Request::RenameVersion { number, name } => Edit::RenameVersion { number, name },
            Request::DeleteVersion { number } => Edit::DeleteVersions {
                numbers: vec![number],
            },
            Request::RestoreVersion { number } => Edit::RestoreVersion { number },
            Request::AddAnswers(answers) => Edit::AddEvidence {
                evidence: answers.evidence,
                loyalty: answers.loyalty,
                replace: answers.replace,
                survey: Some(Box::new(answers.mapping)),
            },
            Request::DuplicateVersion { .. } | Request::Print | Request::Close => return None,
        })
    }

    pub fn parts(&self) -> (&'static str, u32, String) {
        match self.clone() {
            Request::SaveVersion { name } => ("save", 0, name),
            Request::RenameVersion { number, name } => ("rename", number, name),
            Request::DeleteVersion { number } => ("delete", number, String::new()),
            Request::RestoreVersion { number } => ("restore", number, String::new()),
            Request::DuplicateVersion { number } => ("duplicate", number, String::new()),
            Request::AddAnswers(answers) => ("answers", 0, answers.to_json()),
            Request::Print => ("print", 0, String::new()),
            Request::Close => ("close", 0, String::new()),
        }
    }

    /// The request these parts make; `None` for a kind the app does not know.
    pub fn from_parts(kind: &str, number: u32, text: String) -> Option<Request> {
        Some(match kind {
            "save" => Request::SaveVersion { name: text },
            "rename" => Request::RenameVersion { number, name: text },
            "delete" => Request::DeleteVersion { number },
            "restore" => Request::RestoreVersion { number },
            "duplicate" => Request::DuplicateVersion { number },
            "answers" => Request::AddAnswers(Box::new(ImportedAnswers::from_json(&text)?)),
            "print" => Request::Print,
            "close" => Request::Close,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> ImportedAnswers {
        let evidence = journey_core::model::evidence::Evidence {
            card: 7,
            period: Some("2026-Q3".into()),
            segment: Some("Pros".into()),
            answers: journey_core::score::Histogram::from_values(1, 5, [4, 5]),
        };
        ImportedAnswers {
            evidence: vec![evidence],
            loyalty: vec![],
            mapping: Default::default(),
            replace: true,
        }
    }

    #[test]
    fn an_imports_answers_become_the_edit_that_adds_them() {
        let edit = Request::AddAnswers(Box::new(answers())).edit(0).unwrap();
        assert_eq!(
            Request::of_edit(edit),
            Some(Request::AddAnswers(Box::new(answers())))
        );
    }

    #[test]
    fn every_request_crosses_as_parts_and_back() {
        let all = [
            Request::SaveVersion { name: "Q3".into() },
            Request::RenameVersion {
                number: 2,
                name: "Board".into(),
            },
            Request::DeleteVersion { number: 3 },
            Request::RestoreVersion { number: 1 },
            Request::DuplicateVersion { number: 4 },
            Request::AddAnswers(Box::new(answers())),
            Request::Print,
            Request::Close,
        ];
        for request in all {
            let (kind, number, text) = request.parts();
            assert_eq!(Request::from_parts(kind, number, text), Some(request));
        }
        assert_eq!(Request::from_parts("format-disk", 0, String::new()), None);
        assert_eq!(
            Request::from_parts("answers", 0, "{\"evidence\":".into()),
            None
        );
        for screen in [
            Screen::Versions,
            Screen::Report,
            Screen::Personas,
            Screen::Plan,
            Screen::Import,
        ] {
            assert_eq!(Screen::named(screen.name()), Some(screen));
        }
    }

    #[test]
    fn version_edits_become_requests_and_the_same_edits_again() {
        let edit = Edit::RenameVersion {
            number: 2,
            name: "Board".into(),
        };
        let request = Request::of_edit(edit.clone()).unwrap();
        assert_eq!(request.edit(0), Some(edit));
        let saved = Request::SaveVersion { name: "Q3".into() }.edit(17);
        assert_eq!(
            saved,
            Some(Edit::SaveVersion {
                name: "Q3".into(),
                saved: 17
            })
        );
        assert_eq!(Request::of_edit(Edit::RenameMap("x".into())), None);
    }
}
