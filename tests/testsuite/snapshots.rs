//! Whole-output snapshots of what staff read: `check` in text and JSON on a site with the
//! mistakes people make, and `deadlines` on a realistic incident. A change to any word,
//! line number or hint shows up here for review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test` and read the diff).

use crate::common::{Site, TODAY};

/// A record with one of each common mistake, and a file that is not valid YAML.
fn mistaken_site() -> Site {
    let site = Site::new("compliance-ny");
    site.write(
        "content/incidents/2026-11-10-gradebook.yaml",
        "\
title: Gradebook viewed without permission
status: active
published: 2026-11-12
sumary: Someone viewed grades.
discovered: 2026-11-31
data: [student_name, grads]
affected:
  count: about 40
  groups: [students]
description: An unauthorized person viewed grades.
investigation: We are investigating.
medium: papr
",
    );
    site.write(
        "content/incidents/2026-11-11-portal.yaml",
        "\
title: Portal
status:active
summary: x
",
    );
    site
}

#[test]
fn check_text_names_every_mistake_where_it_is() {
    let run = mistaken_site().run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn check_json_names_every_mistake_where_it_is() {
    let (code, json) = mistaken_site().check_json();
    assert_eq!(code, 1);
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn deadlines_of_a_vendor_breach_learned_from_the_press() {
    let site = Site::new("compliance-ny");
    site.write(
        "content/incidents/2026-11-04-sis-vendor.yaml",
        "\
title: Student information system vendor breach
status: active
published: 2026-11-12
summary: A vendor's system holding student records was breached.
discovered: 2026-11-02
district_learned: 2026-11-04
contractor:
  name: SIS Vendor Inc.
  notified_district: 2026-11-13
occurred:
  from: 2026-10-30
  to: 2026-11-01
data: [student_name, student_id, grades]
affected:
  count: 800
  groups: [students, parents]
description: The vendor's system was accessed.
investigation: We are working with the vendor.
notified:
  state-privacy-officer: 2026-11-16
",
    );
    let run = site.run(&["deadlines", "--today", TODAY]).success();
    insta::assert_snapshot!(run.stdout);
}
