//! What the SageMaker integrations share: fixed value sets, instance types
//! and tags.

use crate::tasks::input::aws_enum;
use crate::tasks::render::Fields;
use crate::tasks::Input;

aws_enum! {
    /// What an S3 data source names (`S3DataType`).
    S3DataType {
        /// A manifest file listing the objects.
        ManifestFile = "ManifestFile",
        /// Every object under a prefix (the CDK's default).
        S3Prefix = "S3Prefix",
        /// An augmented manifest file.
        AugmentedManifestFile = "AugmentedManifestFile",
    }
}

aws_enum! {
    /// How training data is spread over instances (`S3DataDistributionType`).
    S3DataDistributionType {
        /// Every instance gets all of it.
        FullyReplicated = "FullyReplicated",
        /// Each instance gets a share.
        ShardedByS3Key = "ShardedByS3Key",
    }
}

aws_enum! {
    /// How records are wrapped (`RecordWrapperType`).
    RecordWrapperType {
        /// Not wrapped.
        None = "None",
        /// RecordIO.
        RecordIo = "RecordIO",
    }
}

aws_enum! {
    /// How training data reaches the algorithm (`TrainingInputMode`, `InputMode`).
    InputMode {
        /// Streamed.
        Pipe = "Pipe",
        /// Copied first (the CDK's default).
        File = "File",
        /// Streamed from S3 as files.
        FastFile = "FastFile",
    }
}

aws_enum! {
    /// Whether data is compressed (`CompressionType`).
    CompressionType {
        /// Not compressed.
        None = "None",
        /// Gzip.
        Gzip = "Gzip",
    }
}

aws_enum! {
    /// Whether a container hosts one model or many (`Mode`).
    SageMakerMode {
        /// One model.
        SingleModel = "SingleModel",
        /// Many models.
        MultiModel = "MultiModel",
    }
}

aws_enum! {
    /// How many records go in one request of a transform job (`BatchStrategy`).
    BatchStrategy {
        /// As many as fit.
        MultiRecord = "MultiRecord",
        /// One.
        SingleRecord = "SingleRecord",
    }
}

aws_enum! {
    /// How input files are split into records (`SplitType`).
    SplitType {
        /// Not split.
        None = "None",
        /// By line.
        Line = "Line",
        /// RecordIO records.
        RecordIo = "RecordIO",
        /// TFRecord records.
        TfRecord = "TFRecord",
    }
}

aws_enum! {
    /// How results are assembled (`AssembleWith`).
    AssembleWith {
        /// Concatenated.
        None = "None",
        /// One per line.
        Line = "Line",
    }
}

/// An instance type as SageMaker names it: `m5.xlarge` becomes
/// `ml.m5.xlarge`, as the CDK writes it (a name already starting `ml.` is
/// kept); a value read at run time is kept as is.
pub(crate) fn instance_type(f: &mut Fields, key: &str, value: &Input<String>) {
    f.input_with(key, value, |text| {
        let name = if text.starts_with("ml.") {
            text.clone()
        } else {
            format!("ml.{text}")
        };
        crate::model::Json::String(name)
    });
}

/// `Tags` as `[{"Key", "Value"}]`, when there are any.
pub(crate) fn render_tags(f: &mut Fields, tags: &[(String, String)]) {
    if tags.is_empty() {
        return;
    }
    let items = tags
        .iter()
        .map(|(k, v)| {
            let mut tag = f.child();
            tag.literal("Key", k.clone()).literal("Value", v.clone());
            tag
        })
        .collect();
    f.array("Tags", items);
}
