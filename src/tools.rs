//! The full app's file tools, which the library module borrows (`handoff::borrow`) so that it
//! carries no template, no Mermaid reader and no score code of its own. `src/main.rs` exports
//! them; maps come and go as `store::carry` text.

use journey_core::exports::{map_file, read_map};
use journey_core::store::{carried, carry};
use journey_core::{Millis, Template};

/// The name and text of the JSON file of the map carried in `maps`.
pub fn export_file(maps: &str) -> Result<[String; 2], String> {
    let map = carried(maps)
        .into_iter()
        .next()
        .ok_or("the map did not arrive whole")?;
    let file = map_file(&map);
    Ok([file.name, file.text])
}

/// The map in a file the user chose, carried.
pub fn read_file(text: &str, new_id: String, now: Millis) -> Result<String, String> {
    read_map(text, new_id, now).map(|map| carry([&map]))
}

/// A new map from the template with this slug, carried.
pub fn from_template(slug: &str, id: String, now: Millis) -> Result<String, String> {
    let template =
        Template::from_slug(slug).ok_or_else(|| format!("there is no template “{slug}”"))?;
    Ok(carry([&template.build(id, now)]))
}

#[cfg(test)]
mod tests {
    use journey_core::format::import_json;

    use super::*;

    fn one(carried_maps: &str) -> journey_core::JourneyMap {
        let mut maps = carried(carried_maps);
        assert_eq!(maps.len(), 1);
        maps.remove(0)
    }

    #[test]
    fn a_template_comes_back_as_the_map_it_builds() {
        let map = one(&from_template("four-stage", "m1".into(), 7).unwrap());
        assert_eq!(map, Template::FourStage.build("m1".into(), 7));
        assert_eq!(map.stages.len(), 4);
        let refused = from_template("four stages", "m2".into(), 7).unwrap_err();
        assert_eq!(refused, "there is no template “four stages”");
    }

    #[test]
    fn an_export_is_the_map_file_of_the_map_sent() {
        let map = Template::Ecommerce.build("m1".into(), 7);
        let [name, text] = export_file(&carry([&map])).unwrap();
        assert_eq!(name, "online-clothing-purchase.journey.json");
        assert_eq!(import_json(&text).unwrap(), map);
        assert_eq!(
            export_file("[]").unwrap_err(),
            "the map did not arrive whole"
        );
    }

    #[test]
    fn a_file_is_read_as_a_map_file_or_a_mermaid_journey() {
        let map = Template::ServiceBusiness.build("m1".into(), 7);
        let [_, text] = export_file(&carry([&map])).unwrap();
        assert_eq!(one(&read_file(&text, "fresh".into(), 9).unwrap()), map);
        let mermaid =
            "journey\n  title Trial\n  section Sign up\n    Fill in the form: 3: Visitor\n";
        let read = one(&read_file(mermaid, "fresh".into(), 9).unwrap());
        assert_eq!((read.id.as_str(), read.name.as_str()), ("fresh", "Trial"));
        assert!(read_file("{", "fresh".into(), 9).is_err());
    }
}
