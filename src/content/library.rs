//! The library: the embedded frameworks, overridden or extended by the
//! user's own RON files, and the crosswalk between them. One bad file never
//! stops the others from loading; its problems are kept for reporting.

use super::crosswalk::{Crosswalk, Link};
use super::embedded;
use super::load::{parse_crosswalk, parse_framework};
use super::model::Framework;
use super::problem::Problem;
use super::query;
use super::validate::{validate_crosswalk, validate_framework};
use std::path::{Path, PathBuf};

/// The framework whose scale sessions borrow when theirs has none.
pub const BORROWED_SCALE: &str = "hmie-cp-2009";

/// Where a framework was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    User(PathBuf),
}

/// A content file's text and where it came from.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// How problems name the file: the path as given, or `content/<name>`.
    pub label: String,
    pub text: String,
    pub origin: Origin,
}

impl ContentFile {
    fn is_crosswalk(&self) -> bool {
        self.label.ends_with(embedded::CROSSWALK_FILE)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Embedded frameworks in file order, then user additions.
    pub frameworks: Vec<(Framework, Origin)>,
    pub crosswalk: Option<Crosswalk>,
    /// Everything wrong with the files that were offered.
    pub problems: Vec<Problem>,
}

/// The embedded content files.
pub fn embedded_files() -> Vec<ContentFile> {
    embedded::FILES
        .iter()
        .map(|(name, text)| ContentFile {
            label: embedded::label(name),
            text: (*text).to_owned(),
            origin: Origin::Embedded,
        })
        .collect()
}

/// Read the `.ron` files of a folder (sorted by name) or a single file.
/// A folder that does not exist holds no files; unreadable files are problems.
pub fn read_user_files(path: &Path) -> (Vec<ContentFile>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let label = path.display().to_string();
    let paths: Vec<PathBuf> = if path.is_dir() {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut paths: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                    .collect();
                paths.sort();
                paths
            }
            Err(e) => {
                problems.push(Problem::new(
                    &label,
                    (0, 0),
                    format!("cannot read folder: {e}"),
                ));
                Vec::new()
            }
        }
    } else if path.exists() {
        vec![path.to_owned()]
    } else {
        return (files, problems);
    };
    for path in paths {
        let label = path.display().to_string();
        match crate::safe_io::read_regular(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(ContentFile {
                    label,
                    text,
                    origin: Origin::User(path),
                }),
                Err(e) => {
                    let at = super::problem::line_col(
                        &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
                        usize::MAX,
                    );
                    problems.push(Problem::new(&label, at, "file is not valid UTF-8 text"));
                }
            },
            Err(e) => problems.push(Problem::new(
                &label,
                (0, 0),
                format!("cannot read file: {e}"),
            )),
        }
    }
    (files, problems)
}

impl Library {
    /// Build the library from the embedded files and the user's files, in
    /// order, validating every one. A user framework with an embedded
    /// framework's id replaces it.
    pub fn assemble(embedded: Vec<ContentFile>, user: Vec<ContentFile>) -> Self {
        Self::assemble_with(embedded, user, true)
    }

    /// The same, but trusting the embedded files: they are validated by the
    /// tests (`tests/content.rs`) and cannot change after the build, so a
    /// start does not pay for checking them again. User files are checked.
    pub fn assemble_trusting_embedded(embedded: Vec<ContentFile>, user: Vec<ContentFile>) -> Self {
        Self::assemble_with(embedded, user, false)
    }

    fn assemble_with(
        embedded: Vec<ContentFile>,
        user: Vec<ContentFile>,
        check_embedded: bool,
    ) -> Self {
        let mut library = Library::default();
        let user_given = !user.is_empty();
        let (crosswalks, files): (Vec<ContentFile>, Vec<ContentFile>) = embedded
            .into_iter()
            .chain(user)
            .partition(ContentFile::is_crosswalk);
        // Files parse independently: on two threads a start takes about
        // half as long. Results are added in file order.
        let check = |file: &ContentFile| -> Result<Framework, Vec<Problem>> {
            let framework = parse_framework(&file.label, &file.text).map_err(|p| vec![p])?;
            let trusted = !check_embedded && file.origin == Origin::Embedded;
            if !trusted {
                let problems = validate_framework(&file.label, &file.text, &framework);
                if !problems.is_empty() {
                    return Err(problems);
                }
            }
            Ok(framework)
        };
        let half = files.len() / 2;
        let results: Vec<Result<Framework, Vec<Problem>>> = std::thread::scope(|scope| {
            let second = scope.spawn(|| files[half..].iter().map(check).collect::<Vec<_>>());
            let mut results: Vec<_> = files[..half].iter().map(check).collect();
            match second.join() {
                Ok(rest) => results.extend(rest),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            results
        });
        for (file, result) in files.into_iter().zip(results) {
            match result {
                Ok(framework) => library.add(file, framework),
                Err(problems) => library.problems.extend(problems),
            }
        }
        for area in super::own::unknown_areas(&library) {
            library.problems.push(Problem::new(
                super::own::FILE,
                (0, 0),
                format!("unknown content area '{area}': not one of your own areas nor an LSCB area; it is not shown"),
            ));
        }
        for file in crosswalks {
            let crosswalk = match parse_crosswalk(&file.label, &file.text) {
                Ok(c) => c,
                Err(problem) => {
                    library.problems.push(problem);
                    continue;
                }
            };
            // The embedded crosswalk is checked again only against user
            // frameworks that may have replaced the ones it links.
            if check_embedded || user_given || file.origin != Origin::Embedded {
                let frameworks: Vec<Framework> =
                    library.frameworks.iter().map(|(f, _)| f.clone()).collect();
                library.problems.extend(validate_crosswalk(
                    &file.label,
                    &file.text,
                    &crosswalk,
                    &frameworks,
                ));
            }
            library.merge_crosswalk(crosswalk);
        }
        library
    }

    fn add(&mut self, file: ContentFile, framework: Framework) {
        let existing = self
            .frameworks
            .iter()
            .position(|(f, _)| f.id == framework.id);
        match existing {
            Some(at) if self.frameworks[at].1 == Origin::Embedded => {
                self.frameworks[at] = (framework, file.origin);
            }
            Some(at) => {
                let mut problem =
                    super::load::locate(&file.label, &file.text, "id", &framework.id, 0);
                let other = match &self.frameworks[at].1 {
                    Origin::User(path) => path.display().to_string(),
                    Origin::Embedded => "the embedded content".to_owned(),
                };
                problem.message = format!(
                    "duplicate framework id '{}': already loaded from {other}; this file is ignored",
                    framework.id
                );
                self.problems.push(problem);
            }
            None => self.frameworks.push((framework, file.origin)),
        }
    }

    /// Add a crosswalk's links that resolve; later links for the same
    /// indicator replace earlier ones.
    fn merge_crosswalk(&mut self, incoming: Crosswalk) {
        let links: Vec<Link> = incoming
            .links
            .iter()
            .filter_map(|link| self.resolved(&incoming.areas_from, link))
            .collect();
        match &mut self.crosswalk {
            None => {
                self.crosswalk = Some(Crosswalk { links, ..incoming });
            }
            Some(current) => {
                for link in links {
                    current
                        .links
                        .retain(|l| !l.is_for(&link.framework, &link.indicator, &link.criterion));
                    current.links.push(link);
                }
                current.unmapped.extend(incoming.unmapped);
            }
        }
    }

    /// The link with only the areas that exist, or `None` if its indicator
    /// does not exist or none of its areas do.
    fn resolved(&self, areas_from: &str, link: &Link) -> Option<Link> {
        let framework = self.framework(&link.framework)?;
        if !query::evaluable_ids(framework).any(|id| id == link.indicator) {
            return None;
        }
        if !link.criterion.is_empty()
            && !query::has_criterion(framework, &link.indicator, &link.criterion)
        {
            return None;
        }
        let areas_framework = self.framework(areas_from)?;
        let areas: Vec<String> = link
            .areas
            .iter()
            .filter(|a| query::all_area_ids(areas_framework).any(|id| id == a.as_str()))
            .cloned()
            .collect();
        (!areas.is_empty()).then(|| Link {
            areas,
            ..link.clone()
        })
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().map(|(f, _)| f).find(|f| f.id == id)
    }

    pub fn origin(&self, id: &str) -> Option<&Origin> {
        self.frameworks
            .iter()
            .find(|(f, _)| f.id == id)
            .map(|(_, o)| o)
    }

    /// The content areas the crosswalk links to an indicator, with the
    /// framework that defines them.
    pub fn linked_areas(
        &self,
        framework: &str,
        indicator: &str,
    ) -> Option<(&Framework, &[String])> {
        self.linked_areas_of(framework, indicator, "")
    }

    /// The same for one criterion of a judgement (`criterion` "a"); an
    /// empty criterion means the item as a whole.
    pub fn linked_areas_of(
        &self,
        framework: &str,
        indicator: &str,
        criterion: &str,
    ) -> Option<(&Framework, &[String])> {
        let crosswalk = self.crosswalk.as_ref()?;
        let link = crosswalk
            .links
            .iter()
            .find(|l| l.is_for(framework, indicator, criterion))?;
        Some((self.framework(&crosswalk.areas_from)?, &link.areas))
    }
}
