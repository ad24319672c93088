//! Saving, naming, dropping and restoring the map's named versions.

use super::{name, EditError};
use crate::model::versions::{
    pack, unpack, Content, Delta, SavedVersion, SavedVersions, MAX_VERSIONS,
};
use crate::model::{JourneyMap, Millis};

impl JourneyMap {
    fn version_chain(&self) -> Result<Vec<SavedVersion>, EditError> {
        self.versions.read().map_err(EditError::DamagedVersions)
    }

    pub(super) fn save_version(&mut self, text: &str, saved: Millis) -> Result<(), EditError> {
        let name = name(text)?;
        let mut chain = self.version_chain()?;
        if chain.len() >= MAX_VERSIONS {
            return Err(EditError::Limit(format!("at most {MAX_VERSIONS} versions")));
        }
        let snapshot = self.snapshot();
        // Only the newest is whole, so only it has to become a delta against the new one.
        if let Some(newest) = chain.last_mut() {
            if let Content::Full(map) = &newest.content {
                newest.content = Content::Delta(Box::new(Delta::between(map, &snapshot)));
            }
        }
        let number = chain.iter().map(|v| v.number).max().unwrap_or(0) + 1;
        chain.push(SavedVersion {
            number,
            name,
            saved,
            content: Content::Full(Box::new(snapshot)),
        });
        self.versions = SavedVersions::write(&chain);
        Ok(())
    }

    pub(super) fn rename_version(&mut self, number: u32, text: &str) -> Result<(), EditError> {
        let name = name(text)?;
        let mut chain = self.version_chain()?;
        let version = chain
            .iter_mut()
            .find(|v| v.number == number)
            .ok_or(EditError::NoSuchVersion(number))?;
        version.name = name;
        self.versions = SavedVersions::write(&chain);
        Ok(())
    }

    /// Drops the versions with these numbers; the others are packed again around the gap.
    pub(super) fn delete_versions(&mut self, numbers: &[u32]) -> Result<(), EditError> {
        let chain = self.version_chain()?;
        if let Some(missing) = numbers
            .iter()
            .find(|n| !chain.iter().any(|v| v.number == **n))
        {
            return Err(EditError::NoSuchVersion(*missing));
        }
        let maps = unpack(&chain).map_err(EditError::DamagedVersions)?;
        let (infos, maps): (Vec<_>, Vec<_>) = chain
            .iter()
            .zip(maps)
            .filter(|(v, _)| !numbers.contains(&v.number))
            .map(|(v, map)| (v.info(), map))
            .unzip();
        self.versions = SavedVersions::write(&pack(&infos, &maps));
        Ok(())
    }

    /// The map becomes the version again; its id, creation time and versions stay.
    pub(super) fn restore_version(&mut self, number: u32) -> Result<(), EditError> {
        let chain = self.version_chain()?;
        let at = chain
            .iter()
            .position(|v| v.number == number)
            .ok_or(EditError::NoSuchVersion(number))?;
        // Only the versions from this one to the newest are needed to rebuild it.
        let old = unpack(&chain[at..])
            .map_err(EditError::DamagedVersions)?
            .swap_remove(0);
        *self = JourneyMap {
            id: std::mem::take(&mut self.id),
            created: self.created,
            as_is: self.as_is.take(),
            versions: std::mem::take(&mut self.versions),
            ..old
        };
        Ok(())
    }
}
