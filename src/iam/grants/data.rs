//! DynamoDB, Athena, Glue and DataBrew.

use super::super::params::Value;
use super::Grant;

/// `dynamodb:<Action>Item` on the table.
pub(super) fn dynamodb(g: &mut Grant<'_>, action: &str) {
    let api = match action {
        "getItem" => "dynamodb:GetItem",
        "putItem" => "dynamodb:PutItem",
        "updateItem" => "dynamodb:UpdateItem",
        "deleteItem" => "dynamodb:DeleteItem",
        _ => return,
    };
    let table = g.arn("dynamodb", &format!("table/{}", g.name_or_any("TableName")));
    g.allow([api], vec![table]);
}

/// The Athena actions: a query needs its catalog, work group, S3 results
/// location, Lake Formation and the Glue catalog of its database.
pub(super) fn athena(g: &mut Grant<'_>, action: &str) {
    match action {
        "startQueryExecution" => start_query(g),
        "stopQueryExecution" => g.allow(["athena:stopQueryExecution"], vec!["*".to_owned()]),
        "getQueryExecution" => g.allow(["athena:getQueryExecution"], vec!["*".to_owned()]),
        "getQueryResults" => {
            g.allow(["athena:getQueryResults"], vec!["*".to_owned()]);
            g.allow(["s3:GetObject"], vec!["*".to_owned()]);
        }
        _ => {}
    }
}

fn start_query(g: &mut Grant<'_>) {
    let context = g.params.object("QueryExecutionContext");
    let literal = |v: Value<'_>, default: &str| v.text().unwrap_or(default).to_owned();
    let catalog = literal(context.get("Catalog"), "AwsDataCatalog");
    let database = literal(context.get("Database"), "default");
    let work_group = literal(g.params.get("WorkGroup"), "primary");
    let resources = vec![
        g.arn("athena", &format!("datacatalog/{catalog}")),
        g.arn("athena", &format!("workgroup/{work_group}")),
    ];
    g.allow(
        [
            "athena:getDataCatalog",
            "athena:startQueryExecution",
            "athena:getQueryExecution",
        ],
        resources,
    );
    g.allow(
        [
            "s3:CreateBucket",
            "s3:ListBucket",
            "s3:GetBucketLocation",
            "s3:GetObject",
        ],
        vec!["*".to_owned()],
    );
    let output = g.params.object("ResultConfiguration").get("OutputLocation");
    let results = match output.text().and_then(|uri| uri.strip_prefix("s3://")) {
        Some(location) => g
            .env
            .bare_arn("s3", &format!("{}/*", location.trim_end_matches('/'))),
        None => "*".to_owned(),
    };
    g.allow(
        [
            "s3:AbortMultipartUpload",
            "s3:ListBucketMultipartUploads",
            "s3:ListMultipartUploadParts",
            "s3:PutObject",
        ],
        vec![results],
    );
    g.allow(["lakeformation:GetDataAccess"], vec!["*".to_owned()]);
    let glue = vec![
        g.arn("glue", "catalog"),
        g.arn("glue", &format!("database/{database}")),
        g.arn("glue", &format!("table/{database}/*")),
        g.arn("glue", &format!("userDefinedFunction/{database}/*")),
    ];
    g.allow(
        [
            "glue:BatchCreatePartition",
            "glue:BatchDeletePartition",
            "glue:BatchDeleteTable",
            "glue:BatchGetPartition",
            "glue:CreateDatabase",
            "glue:CreatePartition",
            "glue:CreateTable",
            "glue:DeleteDatabase",
            "glue:DeletePartition",
            "glue:DeleteTable",
            "glue:GetDatabase",
            "glue:GetDatabases",
            "glue:GetPartition",
            "glue:GetPartitions",
            "glue:GetTable",
            "glue:GetTables",
            "glue:UpdateDatabase",
            "glue:UpdatePartition",
            "glue:UpdateTable",
        ],
        glue,
    );
}

/// `glue:startJobRun`: the job; with `.sync`, reading and stopping its runs.
pub(super) fn glue(g: &mut Grant<'_>) {
    let job = g.arn("glue", &format!("job/{}", g.name_or_any("JobName")));
    if g.sync {
        g.allow(
            [
                "glue:StartJobRun",
                "glue:GetJobRun",
                "glue:GetJobRuns",
                "glue:BatchStopJobRun",
            ],
            vec![job],
        );
    } else {
        g.allow(["glue:StartJobRun"], vec![job]);
    }
}

/// `aws-sdk:glue:startCrawler`: starting and reading the crawler.
pub(super) fn glue_crawler(g: &mut Grant<'_>) {
    let crawler = g.arn("glue", &format!("crawler/{}", g.name_or_any("Name")));
    g.allow(["glue:StartCrawler", "glue:GetCrawler"], vec![crawler]);
}

/// `databrew:startJobRun`: the job; with `.sync`, stopping and listing runs.
pub(super) fn databrew(g: &mut Grant<'_>) {
    let job = g.arn("databrew", &format!("job/{}", g.name_or_any("Name")));
    if g.sync {
        g.allow(
            [
                "databrew:startJobRun",
                "databrew:stopJobRun",
                "databrew:listJobRuns",
            ],
            vec![job],
        );
    } else {
        g.allow(["databrew:startJobRun"], vec![job]);
    }
}
