//! The embedded content: what each framework holds, counted independently
//! from the source documents, and that it survives a round trip.

use howgood::content::embedded;
use howgood::content::library::{Library, embedded_files};
use howgood::content::load::{parse_crosswalk, parse_framework, to_ron};
use howgood::content::model::{Framework, GoodKind, InformationType};
use howgood::content::query;
use std::collections::BTreeMap;

fn library() -> Library {
    Library::assemble(embedded_files(), Vec::new())
}

fn framework<'a>(library: &'a Library, id: &str) -> &'a Framework {
    library
        .framework(id)
        .unwrap_or_else(|| panic!("{id} is embedded"))
}

#[test]
fn embedded_content_is_valid_and_has_all_five_frameworks() {
    let library = library();
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    let ids: Vec<&str> = library
        .frameworks
        .iter()
        .map(|(f, _)| f.id.as_str())
        .collect();
    for id in [
        "hmie-cp-2009",
        "ofsted-good-outcomes",
        "lscb-qaf",
        "hmie-generic-2007",
        "integrated-inspection-2014",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(library.crosswalk.is_some());
}

#[test]
fn every_framework_names_its_source_and_licence() {
    let library = library();
    for (framework, _) in &library.frameworks {
        let source = &framework.source;
        assert!(
            source.file.ends_with(".txt"),
            "{}: source file {}",
            framework.id,
            source.file
        );
        for (field, value) in [
            ("document", &source.document),
            ("copyright", &source.copyright),
            ("licence", &source.licence),
            ("attribution", &source.attribution),
        ] {
            assert!(!value.trim().is_empty(), "{}: empty {field}", framework.id);
        }
    }
}

#[test]
fn every_content_file_survives_a_round_trip() {
    for (name, text) in howgood::content::embedded::FILES {
        if *name == "crosswalk.ron" {
            let first = parse_crosswalk(name, text).expect("crosswalk parses");
            let again = parse_crosswalk(name, &to_ron(&first).expect("serialises"))
                .expect("serialised crosswalk parses");
            assert_eq!(first, again, "{name}");
        } else {
            let first = parse_framework(name, text).expect("framework parses");
            let written = to_ron(&first).expect("serialises");
            let again = parse_framework(name, &written).expect("serialised framework parses");
            assert_eq!(first, again, "{name}");
        }
    }
}

/// Counts per key area: (key area id, indicators).
fn indicators_per_key_area(framework: &Framework) -> Vec<(String, usize)> {
    framework
        .high_level_questions
        .iter()
        .flat_map(|q| &q.key_areas)
        .map(|a| (a.id.clone(), a.indicators.len()))
        .collect()
}

fn illustration_paragraphs(framework: &Framework, level: u8) -> usize {
    query::indicators(framework)
        .flat_map(|i| &i.illustrations)
        .filter(|i| i.level == level)
        .map(|i| i.paragraphs.len())
        .sum()
}

#[test]
fn hmie_2009_has_all_25_illustrated_indicators() {
    let library = library();
    let f = framework(&library, "hmie-cp-2009");
    let per_area = indicators_per_key_area(f);
    let expected = [
        ("1", 2),
        ("2", 4),
        ("3", 1),
        ("4", 1),
        ("5", 5),
        ("6", 3),
        ("7", 3),
        ("8", 2),
        ("9", 4),
        ("10", 0),
    ];
    let expected: Vec<(String, usize)> =
        expected.iter().map(|(a, n)| (a.to_string(), *n)).collect();
    assert_eq!(per_area, expected);
    assert_eq!(query::indicators(f).count(), 25);
    for indicator in query::indicators(f) {
        assert!(!indicator.themes.is_empty(), "{}", indicator.id);
        assert!(!indicator.key_features.is_empty(), "{}", indicator.id);
        for level in [5, 2] {
            assert!(
                indicator.illustrations.iter().any(|i| i.level == level),
                "{} lacks level {level}",
                indicator.id
            );
        }
    }
    // Counted in the seed: 186 illustration and theme bullets in the body.
    let themes: usize = query::indicators(f).map(|i| i.themes.len()).sum();
    assert_eq!(themes, 62);
    assert_eq!(illustration_paragraphs(f, 5), 62);
    assert_eq!(illustration_paragraphs(f, 2), 62);
    assert_eq!(f.self_evaluation_questions.len(), 3);
    assert_eq!(f.high_level_questions.len(), 6);
}

#[test]
fn hmie_2009_scale_is_six_point_with_satisfactory_and_long_descriptions() {
    let library = library();
    let scale = framework(&library, "hmie-cp-2009")
        .scale
        .as_ref()
        .expect("has a scale");
    let words: Vec<&str> = scale.levels.iter().map(|l| l.word.as_str()).collect();
    assert_eq!(
        words,
        [
            "excellent",
            "very good",
            "good",
            "satisfactory",
            "weak",
            "unsatisfactory"
        ]
    );
    assert!(scale.levels.iter().all(|l| !l.description.is_empty()));
    let notes = format!("{:?}", scale.notes);
    assert!(notes.contains("should not be aggregated across different indicators"));
}

#[test]
fn hmie_2009_keeps_its_guidance_on_improvement_plans_and_evidence() {
    let library = library();
    let f = framework(&library, "hmie-cp-2009");
    for id in [
        "improvement-plan",
        "sources-of-evidence",
        "triangulation",
        "no-aggregation",
        "three-questions",
    ] {
        assert!(f.guidance.iter().any(|p| p.id == id), "no guidance '{id}'");
    }
    let plan = format!(
        "{:?}",
        f.guidance.iter().find(|p| p.id == "improvement-plan")
    );
    for phrase in [
        "observable and measurable",
        "named individuals",
        "milestones",
        "measures of success",
    ] {
        assert!(plan.contains(phrase), "improvement plan lacks '{phrase}'");
    }
}

#[test]
fn ofsted_good_outcomes_has_every_numbered_statement_from_1_1_to_4_27() {
    let library = library();
    let f = framework(&library, "ofsted-good-outcomes");
    let sections: Vec<(&str, usize)> = f
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.statements.len()))
        .collect();
    assert_eq!(sections, [("OE", 8), ("EHP", 14), ("QP", 26), ("LG", 27)]);
    let ids: Vec<&str> = query::section_statements(f)
        .map(|s| s.id.as_str())
        .collect();
    let mut expected = Vec::new();
    for (section, last) in [(1, 8), (2, 14), (3, 26), (4, 27)] {
        for n in 1..=last {
            expected.push(format!("{section}.{n}"));
        }
    }
    assert_eq!(ids, expected);
    let scale = f.scale.as_ref().expect("four-point scale");
    let words: Vec<&str> = scale.levels.iter().map(|l| l.word.as_str()).collect();
    assert_eq!(
        words,
        ["outstanding", "good", "requires improvement", "inadequate"]
    );
}

fn count_by_area<'a>(areas: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut counts = BTreeMap::new();
    for area in areas {
        *counts.entry(area).or_insert(0) += 1;
    }
    counts
}

#[test]
fn lscb_module_2_has_every_good_statement_under_its_area() {
    let library = library();
    let content = framework(&library, "lscb-qaf")
        .content
        .as_ref()
        .expect("content areas");
    assert_eq!(content.good.len(), 136);
    let kinds = |kind| content.good.iter().filter(|g| g.kind == kind).count();
    assert_eq!(kinds(GoodKind::Outcome), 44);
    assert_eq!(kinds(GoodKind::Quality), 79);
    assert_eq!(kinds(GoodKind::Unmarked), 13);
    let counts = count_by_area(content.good.iter().map(|g| g.area.as_str()));
    let expected = BTreeMap::from([
        ("priority-service-areas", 12),
        ("vulnerable-groups", 23),
        ("domestic-violence", 9),
        ("adult-mental-health", 13),
        ("partnership-working", 10),
        ("workforce", 19),
        ("safeguarding-wisdom", 9),
        ("supervision-and-support", 7),
        ("organisational-culture", 11),
        ("evidence-based-practice", 5),
        ("use-of-resources", 7),
        ("poverty-and-housing", 6),
        ("other-wider-picture", 5),
    ]);
    assert_eq!(counts, expected);
    let find = |text: &str| {
        content
            .good
            .iter()
            .find(|g| g.text.starts_with(text))
            .unwrap_or_else(|| panic!("no statement '{text}'"))
    };
    assert_eq!(
        find("Perpetrators of DV are ceasing").area,
        "domestic-violence"
    );
    assert_eq!(
        find("Professionals look forward to coming to work").area,
        "supervision-and-support"
    );
    assert_eq!(find("Violent crime by young people").topic, "Gangs");
    let partners = find("Partner agencies in Children's Trusts");
    assert_eq!(partners.items.len(), 4);
}

#[test]
fn lscb_module_3_has_every_question_under_its_area() {
    let library = library();
    let content = framework(&library, "lscb-qaf")
        .content
        .as_ref()
        .expect("content areas");
    assert_eq!(content.questions.len(), 103);
    let counts = count_by_area(content.questions.iter().map(|q| q.area.as_str()));
    let expected = BTreeMap::from([
        ("priority-service-areas", 12),
        ("vulnerable-groups", 5),
        ("domestic-violence", 5),
        ("adult-mental-health", 8),
        ("partnership-working", 6),
        ("workforce", 11),
        ("safeguarding-wisdom", 10),
        ("supervision-and-support", 9),
        ("organisational-culture", 10),
        ("use-of-resources", 7),
        ("evidence-based-practice", 12),
        ("poverty-and-housing", 8),
    ]);
    assert_eq!(counts, expected);
    let area_of = |text: &str| {
        content
            .questions
            .iter()
            .find(|q| q.text == text)
            .map(|q| q.area.as_str())
            .unwrap_or_else(|| panic!("no question '{text}'"))
    };
    assert_eq!(
        area_of(
            "What are the opportunities for professionals in this area to build direct relationships with each other?"
        ),
        "partnership-working"
    );
    assert_eq!(
        area_of(
            "Do children and parents contribute to the shaping and delivery of learning and development inputs?"
        ),
        "safeguarding-wisdom"
    );
    assert_eq!(
        area_of("What kind of organisational culture do we want?"),
        "organisational-culture"
    );
    assert_eq!(
        area_of(
            "Are there any staff groups not receiving safeguarding supervision to the required quality and quantity?"
        ),
        "supervision-and-support"
    );
}

#[test]
fn lscb_keeps_its_tips_types_and_sources_of_information() {
    let library = library();
    let f = framework(&library, "lscb-qaf");
    let content = f.content.as_ref().expect("content areas");
    let tip = |id: &str| {
        content
            .tips
            .iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("no tip '{id}'"))
    };
    assert!(
        tip("daily-20-minutes")
            .title
            .contains("your daily 20 minutes")
    );
    assert!(format!("{:?}", tip("report-book").body).contains("Safeguarding Children Report Book"));
    assert!(format!("{:?}", tip("turning-the-curve").body).contains("Turning the Curve"));
    let test = format!("{:?}", tip("test-for-managers-and-leaders").body);
    assert!(test.contains("Do we ask the difficult and uncomfortable questions?"));
    assert_eq!(content.tips.len(), 20);
    let types: Vec<&str> = content
        .information_types
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(types, ["quantity", "quality", "outcome"]);
    assert_eq!(content.information_sources.len(), 4);
    let groups: Vec<(&str, usize)> = content
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.areas.len()))
        .collect();
    assert_eq!(
        groups,
        [("practice", 4), ("organisational", 4), ("wider-picture", 2)]
    );
    let explanation = format!(
        "{:?}",
        f.guidance.iter().find(|p| p.id == "module-3-explanation")
    );
    assert!(explanation.contains("'you/your' or 'we/us/our'"));
}

/// Every item a crosswalk should cover: (framework, item, criterion).
fn crosswalk_items(library: &Library) -> Vec<(String, String, String)> {
    let mut items = Vec::new();
    for id in ["hmie-cp-2009", "hmie-generic-2007", "ofsted-good-outcomes"] {
        let f = framework(library, id);
        for item in query::indicators(f)
            .map(|i| i.id.as_str())
            .chain(query::section_statements(f).map(|s| s.id.as_str()))
        {
            items.push((id.to_owned(), item.to_owned(), String::new()));
        }
    }
    let f = framework(library, "integrated-inspection-2014");
    for judgement in f.agencies.iter().flat_map(|a| &a.judgements) {
        items.push((f.id.clone(), judgement.id.clone(), String::new()));
        if judgement.id == "lscb-effectiveness" {
            for criterion in judgement.good.iter().flat_map(|g| &g.criteria) {
                items.push((f.id.clone(), judgement.id.clone(), criterion.id.clone()));
            }
        }
    }
    items
}

#[test]
fn every_indicator_is_linked_to_lscb_areas_or_says_why_not() {
    let library = library();
    let crosswalk = library.crosswalk.as_ref().expect("crosswalk");
    let items = crosswalk_items(&library);
    // 25 + 24 indicators, 75 statements, 15 judgements, LSCB a-l.
    assert_eq!(items.len(), 25 + 24 + 75 + 15 + 12, "{items:?}");
    let mut unlinked = Vec::new();
    for (id, indicator, criterion) in &items {
        let linked = library.linked_areas_of(id, indicator, criterion).is_some();
        let explained = crosswalk.unmapped.iter().any(|u| {
            u.framework == *id
                && u.indicator == *indicator
                && u.criterion == *criterion
                && !u.reason.trim().is_empty()
        });
        if !linked && !explained {
            unlinked.push(format!("{id} {indicator} {criterion}"));
        }
    }
    // The deliberate gaps, shown with their reasons on every run.
    println!("unmapped items ({}):", crosswalk.unmapped.len());
    for u in &crosswalk.unmapped {
        println!(
            "  {} {} {}: {}",
            u.framework, u.indicator, u.criterion, u.reason
        );
    }
    assert!(
        unlinked.is_empty(),
        "items with no link and no reason: {unlinked:?}"
    );
}

#[test]
fn every_crosswalk_link_leads_to_module_2_to_5_material() {
    let library = library();
    let crosswalk = library.crosswalk.as_ref().expect("crosswalk");
    let areas_from = framework(&library, &crosswalk.areas_from);
    // Read the file as shipped: the library drops links that do not resolve.
    let (_, text) = embedded::FILES
        .iter()
        .find(|(name, _)| *name == "crosswalk.ron")
        .expect("crosswalk file");
    let shipped = parse_crosswalk("crosswalk.ron", text).expect("parses");
    assert_eq!(shipped.links.len(), crosswalk.links.len());
    let empty: Vec<String> = shipped
        .links
        .iter()
        .flat_map(|l| l.areas.iter().map(move |a| (l, a)))
        .filter(|(_, area)| !query::area_has_module_content(areas_from, area))
        .map(|(l, area)| format!("{} {} {} -> {area}", l.framework, l.indicator, l.criterion))
        .collect();
    assert!(
        empty.is_empty(),
        "links to areas with no Module 2-5 material: {empty:?}"
    );
    assert!(!query::area_has_module_content(
        areas_from,
        "parental-substance-misuse"
    ));
    assert!(query::area_has_module_content(
        areas_from,
        "specific-risk-issues"
    ));
    assert!(shipped.links.iter().all(|l| !l.why.trim().is_empty()));
}

#[test]
fn the_crosswalk_errors_of_issue_13_are_fixed() {
    let library = library();
    let areas = |f: &str, i: &str| library.linked_areas(f, i).expect("linked").1.to_vec();
    for statement in ["4.6", "4.24"] {
        let linked = areas("ofsted-good-outcomes", statement);
        assert!(
            !linked.contains(&"evidence-based-practice".to_owned()),
            "{statement}"
        );
    }
    assert!(
        !areas("ofsted-good-outcomes", "3.12").contains(&"parental-substance-misuse".to_owned())
    );
    assert!(areas("hmie-cp-2009", "3.1").contains(&"safeguarding-wisdom".to_owned()));
    assert!(areas("hmie-cp-2009", "2.1").contains(&"vulnerable-groups".to_owned()));
    let criterion = |c: &str| {
        library
            .linked_areas_of("integrated-inspection-2014", "lscb-effectiveness", c)
            .expect("criterion linked")
            .1
            .to_vec()
    };
    assert_eq!(criterion("j"), ["safeguarding-wisdom"]);
    assert_eq!(criterion("g"), ["vulnerable-groups"]);
    assert!(
        areas("integrated-inspection-2014", "police-help-and-protection")
            .contains(&"specific-risk-issues".to_owned())
    );
}

#[test]
fn a_workshop_on_7_3_finds_the_safeguarding_wisdom_questions() {
    let library = library();
    let (areas_framework, areas) = library
        .linked_areas("hmie-cp-2009", "7.3")
        .expect("7.3 is linked");
    assert!(areas.iter().any(|a| a == "safeguarding-wisdom"));
    let content = areas_framework.content.as_ref().expect("content areas");
    let questions: Vec<&str> = content
        .questions
        .iter()
        .filter(|q| areas.contains(&q.area))
        .map(|q| q.text.as_str())
        .collect();
    assert!(questions.contains(&"Which professionals are best represented on multi-agency training courses, and which are least?"));
}

#[test]
fn information_types_cover_quantity_quality_and_outcome() {
    // Guards the enum against silent renames that would break user files.
    let written = to_ron(&[
        InformationType::Quantity,
        InformationType::Quality,
        InformationType::Outcome,
    ])
    .expect("serialises");
    assert!(
        written.contains("Quantity") && written.contains("Quality") && written.contains("Outcome")
    );
}

#[test]
fn lscb_module_4_has_every_source_by_type_of_information() {
    let library = library();
    let content = framework(&library, "lscb-qaf")
        .content
        .as_ref()
        .expect("content areas");
    // Counted in the seed: 10 quantity, 52 quality and 22 outcome lines; of
    // the quality lines one continues the line above and three are sub-points.
    assert_eq!(content.sources.len(), 80);
    let by_type = |t| {
        content
            .sources
            .iter()
            .filter(|s| s.information == t)
            .count()
    };
    assert_eq!(
        (
            by_type(InformationType::Quantity),
            by_type(InformationType::Quality),
            by_type(InformationType::Outcome)
        ),
        (10, 48, 22)
    );
    let counts = count_by_area(content.sources.iter().map(|s| s.area.as_str()));
    let expected = BTreeMap::from([
        ("priority-service-areas", 10),
        ("vulnerable-groups", 9),
        ("domestic-violence", 9),
        ("adult-mental-health", 7),
        ("partnership-working", 8),
        ("workforce", 9),
        ("safeguarding-wisdom", 6),
        ("supervision-and-support", 3),
        ("organisational-culture", 6),
        ("evidence-based-practice", 4),
        ("poverty-and-housing", 9),
    ]);
    assert_eq!(counts, expected);
    let front_door = content
        .sources
        .iter()
        .find(|s| s.text.starts_with("'Leaders', senior managers spending"))
        .expect("a source split over two lines is one item");
    assert_eq!(
        front_door.text,
        "'Leaders', senior managers spending one or two days per annum on the front door."
    );
    assert_eq!(front_door.information, InformationType::Quality);
}

#[test]
fn lscb_module_5_rebuilds_every_measure_in_its_column() {
    let library = library();
    let content = framework(&library, "lscb-qaf")
        .content
        .as_ref()
        .expect("content areas");
    assert_eq!(content.measures.len(), 228);
    let by_type = |t| {
        content
            .measures
            .iter()
            .filter(|m| m.information == t)
            .count()
    };
    // Counted in the seed: 67 "Number of" and 1 "Numbers of" measures; the
    // rest are percentages (or "Number or %" outcomes) and two fragments.
    assert_eq!(by_type(InformationType::Quantity), 68);
    assert_eq!(by_type(InformationType::Quality), 104);
    assert_eq!(by_type(InformationType::Outcome), 56);
    let counts = count_by_area(content.measures.iter().map(|m| m.area.as_str()));
    let expected = BTreeMap::from([
        ("priority-service-areas", 46),
        ("vulnerable-groups", 22),
        ("domestic-violence", 26),
        ("adult-mental-health", 21),
        ("partnership-working", 16),
        ("workforce", 24),
        ("safeguarding-wisdom", 14),
        ("supervision-and-support", 11),
        ("organisational-culture", 18),
        ("evidence-based-practice", 12),
        ("poverty-and-housing", 18),
    ]);
    assert_eq!(counts, expected);
    let measure = |text: &str| {
        content
            .measures
            .iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("no measure '{text}'"))
    };
    // The first row of the interleaved table: one cell per column.
    let quantity = measure("Number of staff carrying CP/CIN cases.");
    assert_eq!(
        (quantity.topic.as_str(), quantity.information),
        ("CP and CIN planning", InformationType::Quantity)
    );
    let quality = measure(
        "% of cases audited in which the child remained the focus of professionals' attention.",
    );
    assert_eq!(quality.information, InformationType::Quality);
    let sub_points = measure("% of staff who experience the organisation as:");
    assert_eq!(
        sub_points.items,
        [
            "calm",
            "safe",
            "supportive",
            "taking poor practice seriously."
        ]
    );
}

#[test]
fn hmie_2007_has_its_generic_indicators_and_adequate_scale() {
    let library = library();
    let f = framework(&library, "hmie-generic-2007");
    let per_area = indicators_per_key_area(f);
    let expected = [
        ("1", 2),
        ("2", 2),
        ("3", 1),
        ("4", 2),
        ("5", 3),
        ("6", 3),
        ("7", 3),
        ("8", 4),
        ("9", 4),
        ("10", 0),
    ];
    let expected: Vec<(String, usize)> =
        expected.iter().map(|(a, n)| (a.to_string(), *n)).collect();
    assert_eq!(per_area, expected);
    // 22 illustrated indicators (key areas 2 to 9), counted in the seed.
    let illustrated = query::indicators(f)
        .filter(|i| !i.illustrations.is_empty())
        .count();
    assert_eq!(illustrated, 22);
    assert_eq!(illustration_paragraphs(f, 5), 68);
    assert_eq!(illustration_paragraphs(f, 2), 68);
    let themes: usize = query::indicators(f).map(|i| i.themes.len()).sum();
    assert_eq!(themes, 72);
    let staff = query::indicators(f).find(|i| i.id == "3.1").expect("3.1");
    assert!(
        staff.themes.iter().any(|t| t.items.len() == 4),
        "themes keep their sub-items"
    );
    let words: Vec<&str> = f
        .scale
        .as_ref()
        .expect("scale")
        .levels
        .iter()
        .map(|l| l.word.as_str())
        .collect();
    assert_eq!(
        words,
        [
            "excellent",
            "very good",
            "good",
            "adequate",
            "weak",
            "unsatisfactory"
        ]
    );
    let capacity = format!(
        "{:?}",
        f.guidance
            .iter()
            .find(|p| p.id == "capacity-for-improvement")
    );
    assert!(capacity.contains("level of confidence"));
    assert!(f.guidance.iter().any(|p| p.id == "sources-of-evidence"));
}

#[test]
fn integrated_inspection_has_good_criteria_and_descriptors_per_agency() {
    let library = library();
    let f = framework(&library, "integrated-inspection-2014");
    let criteria: Vec<(&str, usize, usize)> = f
        .agencies
        .iter()
        .flat_map(|a| &a.judgements)
        .map(|j| {
            (
                j.id.as_str(),
                j.good.iter().map(|g| g.criteria.len()).sum::<usize>(),
                j.descriptors.len(),
            )
        })
        .collect();
    assert_eq!(
        criteria,
        [
            ("health-overall-effectiveness", 4, 3),
            ("health-help-and-protection", 23, 3),
            ("health-looked-after", 8, 3),
            ("health-leadership", 15, 3),
            ("police-overall-effectiveness", 3, 3),
            ("police-help-and-protection", 22, 3),
            ("police-leadership", 9, 3),
            ("probation-and-yot-nps-crc", 33, 0),
            ("probation-and-yot-yot", 32, 0),
            ("custody-safeguarding", 13, 0),
            ("custody-child-protection", 13, 0),
            ("custody-bullying", 8, 0),
            ("custody-self-harm", 15, 0),
            ("custody-looked-after", 4, 0),
            ("lscb-effectiveness", 12, 3),
        ]
    );
    let lscb = f
        .agencies
        .iter()
        .find(|a| a.id == "lscb")
        .expect("LSCB effectiveness");
    let levels: Vec<u8> = lscb.judgements[0]
        .descriptors
        .iter()
        .map(|d| d.level)
        .collect();
    assert_eq!(
        levels,
        [1, 3, 4],
        "outstanding, requires improvement, inadequate"
    );
}

/// Starts trust the embedded content (it cannot change after the build);
/// this is where it is checked, with the full validation.
#[test]
fn a_start_trusts_embedded_content_that_the_full_check_passes() {
    let checked = Library::assemble(embedded_files(), Vec::new());
    assert!(checked.problems.is_empty(), "{:#?}", checked.problems);
    let trusted = Library::assemble_trusting_embedded(embedded_files(), Vec::new());
    assert_eq!(
        format!("{:?}", trusted.frameworks),
        format!("{:?}", checked.frameworks)
    );
    assert_eq!(trusted.crosswalk, checked.crosswalk);
}
