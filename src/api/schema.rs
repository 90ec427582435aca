//! OpenAPI schemas of the schedule enums, written by hand because the types
//! live in the pure core (`routing::schedule`), which stays free of API concerns.

use std::borrow::Cow;

use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::routing::schedule::{Handoff, HolidayPolicy, OverrideKind};

fn string_enum(description: &str, values: &[&str]) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.iter().copied()))
        .description(Some(description))
        .into()
}

impl PartialSchema for HolidayPolicy {
    fn schema() -> RefOr<Schema> {
        string_enum(
            "How a rule behaves on a public holiday (default: always).",
            &["always", "not-on-holidays", "only-on-holidays"],
        )
    }
}

impl ToSchema for HolidayPolicy {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("HolidayPolicy")
    }
}

impl PartialSchema for Handoff {
    fn schema() -> RefOr<Schema> {
        string_enum("How often a rotation hands over.", &["daily", "weekly"])
    }
}

impl ToSchema for Handoff {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Handoff")
    }
}

fn staff_id(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .description(Some(description))
}

fn kind_variant(kind: &str, description: &str, by: bool) -> ObjectBuilder {
    let mut o = ObjectBuilder::new()
        .description(Some(description))
        .property("kind", string_enum("The kind of change.", &[kind]))
        .required("kind")
        .property("staff", staff_id("The person concerned (staff id)."))
        .required("staff");
    if by {
        o = o
            .property("by", staff_id("Who takes their place (staff id)."))
            .required("by");
    }
    o
}

impl PartialSchema for OverrideKind {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(kind_variant(
                "replace",
                "`staff` is replaced by `by`, at the same place in the order.",
                true,
            ))
            .item(kind_variant("add", "`staff` is added after the people on duty.", false))
            .item(kind_variant("remove", "`staff` is taken off duty.", false))
            .description(Some("What the override changes while it is in force."))
            .into()
    }
}

impl ToSchema for OverrideKind {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("OverrideKind")
    }
}
