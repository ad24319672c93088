//! Survey answers in: the import steps, the column mapping, the report, answers typed in, and reading a file in slices.

pub mod answer_entry;
pub mod answer_labels;
pub mod import_progress;
pub mod import_report_view;
pub mod reading_options;
pub mod segment_personas;
pub mod survey_file_picker;
pub mod survey_import;
pub mod survey_mapping_form;
pub mod survey_run;
