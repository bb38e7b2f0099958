//! The library's catalog: entries and their years, what is refused when read back, removing
//! and restoring, and the pairing kept per pair of datasets.

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::compare::Pairing;
use pilot_board::domain::library::{
    BUILTIN_ID, Catalog, CatalogProblem, ComparisonChoice, entry_for, side_name, year_of,
};
use pilot_board::domain::{Dataset, Lang};

fn titled(title: &str, as_of: Option<&str>) -> Dataset {
    Dataset {
        title: title.into(),
        as_of: as_of.map(Into::into),
        ..report_2021()
    }
}

fn library() -> Catalog {
    let mut catalog = Catalog::of(entry_for(BUILTIN_ID.into(), &report_2021(), None, 0.0));
    let later = titled("2022年试点报告", Some("2022-12-31"));
    catalog.add(entry_for(
        "d1".into(),
        &later,
        Some("2022.json".into()),
        1.0,
    ));
    let undated = Dataset {
        records: Vec::new(),
        ..titled("另一份数据", None)
    };
    catalog.add(entry_for("d2".into(), &undated, None, 2.0));
    catalog
}

#[test]
fn a_datasets_year_comes_from_its_date_its_title_or_its_batches() {
    assert_eq!(year_of(&report_2021()), Some(2021));
    assert_eq!(year_of(&titled("2023年报告", None)), Some(2023));
    // Two years in the title: not one year. The batches all say 2021.
    assert_eq!(year_of(&titled("2020—2021年报告", None)), Some(2021));
    let mut mixed = titled("报告", None);
    mixed.records[0].batch = "2020年第一批".into();
    assert_eq!(year_of(&mixed), None, "batches of two years");
    // Not a year: a code, a count.
    assert_eq!(
        year_of(&Dataset {
            records: vec![],
            ..titled("560118 专业 12345", None)
        }),
        None
    );
}

#[test]
fn a_catalog_reads_back_as_written_and_refuses_what_is_damaged_or_newer() {
    let catalog = library();
    assert_eq!(Catalog::read(&catalog.write()), Ok(catalog.clone()));
    assert_eq!(Catalog::read("{"), Err(CatalogProblem::Damaged));
    assert_eq!(
        Catalog::read(r#"{"app":"other","version":1}"#),
        Err(CatalogProblem::Damaged)
    );
    let newer = catalog.write().replace(r#""version":1"#, r#""version":9"#);
    assert_eq!(Catalog::read(&newer), Err(CatalogProblem::Newer(9)));
    let empty = catalog
        .write()
        .replace(&serde_json::to_string(&catalog.entries).unwrap(), "[]");
    assert_eq!(Catalog::read(&empty), Err(CatalogProblem::Damaged));
    // An active id or a comparison naming nothing is tidied away.
    let mut stale = catalog.clone();
    stale.active = "gone".into();
    stale.comparison = Some(ComparisonChoice {
        a: "gone".into(),
        b: "d1".into(),
    });
    let read = Catalog::read(&stale.write()).unwrap();
    assert_eq!(read.active, BUILTIN_ID);
    assert_eq!(read.comparison, None);
}

#[test]
fn removing_keeps_the_dataset_on_screen_and_can_be_undone() {
    let mut catalog = library();
    catalog.comparison = Some(ComparisonChoice {
        a: BUILTIN_ID.into(),
        b: "d1".into(),
    });
    assert_eq!(catalog.remove(BUILTIN_ID), None, "on screen");
    let (place, entry) = catalog.remove("d1").expect("removed");
    assert_eq!((place, entry.id.as_str()), (1, "d1"));
    assert_eq!(catalog.entries.len(), 2);
    assert_eq!(catalog.comparison, None, "its comparison goes with it");
    catalog.restore(place, entry);
    assert_eq!(
        catalog
            .entries
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        [BUILTIN_ID, "d1", "d2"]
    );
    let mut alone = Catalog::of(entry_for("x".into(), &report_2021(), None, 0.0));
    alone.active = "y".into();
    assert_eq!(alone.remove("x"), None, "the last one stays");
}

#[test]
fn new_ids_never_repeat_and_the_default_comparison_spans_the_years() {
    let mut catalog = library();
    let id = catalog.new_id(1.0);
    assert_eq!(id, "d3", "d1 and d2 are taken");
    catalog.add(entry_for(id.clone(), &report_2021(), None, 3.0));
    assert_ne!(catalog.new_id(1.0), id);
    let choice = catalog.default_comparison().unwrap();
    assert_eq!((choice.a.as_str(), choice.b.as_str()), (BUILTIN_ID, "d2"));
}

#[test]
fn each_pair_keeps_its_own_links() {
    let mut catalog = library();
    let mut pairing = Pairing::default();
    pairing.link("电子商务数据分析|中级", "电商数据分析|中级");
    catalog.set_pairing(BUILTIN_ID, "d1", pairing.clone());
    assert_eq!(catalog.pairing(BUILTIN_ID, "d1"), pairing);
    assert_eq!(
        catalog.pairing("d1", BUILTIN_ID),
        Pairing::default(),
        "the other way round"
    );
    catalog.set_pairing(BUILTIN_ID, "d1", Pairing::default());
    assert!(catalog.pairings.is_empty(), "an empty pairing is not kept");
}

#[test]
fn a_side_is_named_by_its_year_or_else_its_title() {
    let catalog = library();
    let (a, b, c) = (
        &catalog.entries[0],
        &catalog.entries[1],
        &catalog.entries[2],
    );
    assert_eq!(side_name(a, b, Lang::Zh), "2021年");
    assert_eq!(side_name(a, b, Lang::En), "2021");
    assert_eq!(side_name(c, a, Lang::Zh), "“另一份数据”");
    // Two datasets of one year are told apart by title.
    assert_eq!(
        side_name(a, a, Lang::Zh),
        "“2021年“1+X”证书制度试点工作报告”"
    );
}

#[test]
fn a_change_goes_on_from_the_catalog_another_tab_stored() {
    // This tab read the catalog, then shows d1; another tab meanwhile added d3, renamed the
    // built-in report and removed d1.
    let mut mine = library();
    mine.active = "d1".into();
    let mut theirs = library();
    theirs.add(entry_for("d3".into(), &titled("2023年", None), None, 3.0));
    theirs.entry_mut(BUILTIN_ID).unwrap().title = "2021 年（改名）".into();
    theirs.remove("d1").unwrap();
    theirs.active = "d2".into();
    let rebased = mine.rebased(theirs);
    assert_eq!(
        rebased.active, "d1",
        "the dataset on screen here stays active"
    );
    let ids: Vec<&str> = rebased.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [BUILTIN_ID, "d2", "d3", "d1"],
        "their entries, and this tab's own"
    );
    assert_eq!(rebased.entry(BUILTIN_ID).unwrap().title, "2021 年（改名）");
    // Nothing of theirs to keep: this tab's catalog as it was.
    assert_eq!(mine.rebased(mine.clone()), mine);
}

#[test]
fn a_series_is_one_dataset_a_year_of_the_compared_school_from_three_years_on() {
    use pilot_board::domain::library::series_of;
    let school = |title: &str, institution: &str, as_of: &str| Dataset {
        institution: Some(institution.into()),
        ..titled(title, Some(as_of))
    };
    let mut catalog = Catalog::of(entry_for(BUILTIN_ID.into(), &report_2021(), None, 0.0));
    let report = report_2021();
    let ours = report.institution.as_deref().unwrap();
    catalog.add(entry_for(
        "d22".into(),
        &school("2022年", &format!(" {ours} "), "2022-12-31"),
        None,
        1.0,
    ));
    catalog.add(entry_for(
        "other".into(),
        &school("别校2023年", "另一所学院", "2023-12-31"),
        None,
        2.0,
    ));
    let ids = |c: &Catalog, a: &str, b: &str| -> Vec<String> {
        series_of(c, a, b).iter().map(|e| e.id.clone()).collect()
    };
    assert!(
        ids(&catalog, BUILTIN_ID, "d22").is_empty(),
        "two years are the comparison itself"
    );
    // White space inside the name does not make another school.
    let spaced: String = ours.chars().flat_map(|c| [c, ' ']).collect();
    catalog.add(entry_for(
        "d23".into(),
        &school("2023年", &spaced, "2023-12-31"),
        None,
        3.0,
    ));
    assert_eq!(ids(&catalog, BUILTIN_ID, "d22"), [BUILTIN_ID, "d22", "d23"]);
    // A second 2022 dataset: the compared one stands for its year, else the one added last.
    catalog.add(entry_for(
        "d22b".into(),
        &school("2022年（修订）", ours, "2022-12-31"),
        None,
        4.0,
    ));
    assert_eq!(ids(&catalog, BUILTIN_ID, "d22"), [BUILTIN_ID, "d22", "d23"]);
    assert_eq!(
        ids(&catalog, BUILTIN_ID, "d23"),
        [BUILTIN_ID, "d22b", "d23"]
    );
    // No school named: no series.
    let mut unnamed = catalog.clone();
    unnamed.entry_mut("d23").unwrap().institution = None;
    assert!(ids(&unnamed, BUILTIN_ID, "d23").is_empty());
    // Entries stored before schools were kept read back without one.
    let stored = catalog.entry("d23").unwrap().institution.clone().unwrap();
    let text = catalog
        .write()
        .replace(&format!(",\"institution\":\"{stored}\""), "");
    assert_ne!(text, catalog.write());
    let read = Catalog::read(&text).unwrap();
    assert_eq!(read.entry("d23").unwrap().institution, None);
}
