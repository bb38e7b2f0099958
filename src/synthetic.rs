//! Valid synthetic datasets of any size, for benchmarks and scale tests: many batches, about
//! 500 distinct certificates at three levels, a few hundred majors, pending results and pilots
//! nobody registered for, all from a seed so every run sees the same data.

use crate::domain::{Dataset, Level, Major, Record, ReportedTotals};

const FIELDS: &[&str] = &[
    "工业机器人",
    "智能制造",
    "数控",
    "无人机",
    "测绘地理信息",
    "建筑信息模型",
    "跨境电商",
    "电子商务",
    "物流管理",
    "智能财税",
    "网络安全",
    "云计算",
    "大数据",
    "移动应用",
    "Web前端",
    "新能源汽车",
    "智能网联汽车",
    "数字创意",
    "人力资源",
    "金融科技",
];
const TASKS: &[&str] = &[
    "应用编程",
    "操作与运维",
    "数据分析",
    "系统集成",
    "测试装调",
    "运营推广",
    "设计开发",
    "安装调试",
    "数据采集",
    "建模",
    "服务管理",
    "质量检测",
    "平台应用",
    "营销策划",
    "运维管理",
    "开发应用",
    "工程施工",
    "技术服务",
    "项目管理",
    "智能应用",
    "创新创业",
    "工艺实施",
    "识图",
    "维护保养",
    "数据处理",
];
const MAJOR_WORDS: &[&str] = &[
    "机电一体化",
    "电气自动化",
    "软件",
    "计算机网络",
    "会计",
    "物流",
    "商务英语",
    "工程测量",
    "汽车电子",
    "数字媒体",
    "国际贸易",
    "工业设计",
    "模具设计",
    "建设工程管理",
    "信息安全",
];

/// A dataset of exactly `records` records. Distinct certificates: min(500, what fits).
pub fn synthetic_dataset(records: usize, seed: u64) -> Dataset {
    let mut rng = fastrand::Rng::with_seed(seed);
    let certificates: Vec<String> = (0..500)
        .map(|i| {
            format!(
                "{}{}职业技能等级证书",
                FIELDS[i % FIELDS.len()],
                TASKS[(i / FIELDS.len()) % TASKS.len()]
            )
        })
        .collect();
    let majors: Vec<Major> = (0..300)
        .map(|i| Major {
            code: format!("{}", 510_101 + (i / 15) * 100 + i % 15),
            name: format!(
                "{}{}",
                MAJOR_WORDS[i % MAJOR_WORDS.len()],
                ["技术", "管理", "应用"][i % 3]
            ),
        })
        .collect();
    // Each (batch, certificate, level) is unique: walk certificates and levels within a batch.
    let per_batch = certificates.len() * Level::ALL.len();
    let mut out = Vec::with_capacity(records);
    for n in 0..records {
        let batch = n / per_batch;
        let within = n % per_batch;
        let certificate = &certificates[within / Level::ALL.len()];
        let level = Level::ALL[(within + batch) % Level::ALL.len()];
        let year = 2019 + batch / 30;
        let batch_label = match batch % 30 {
            0 => format!("{year}年第一批"),
            1 => format!("{year}年沿用批次"),
            k => format!("{year}年第{}批", k + 1),
        };
        let covered = (0..rng.usize(1..=4))
            .map(|_| majors[rng.usize(..majors.len())].clone())
            .fold(Vec::new(), |mut list: Vec<Major>, major| {
                if !list.contains(&major) {
                    list.push(major);
                }
                list
            });
        let registered = if rng.u8(..100) < 6 {
            0
        } else {
            rng.u64(1..=400)
        };
        let pass = rng.f64() * 0.7 + 0.3;
        let certified = if registered > 0 && rng.u8(..100) < 3 {
            None
        } else {
            Some(((registered as f64) * pass).round() as u64)
        };
        out.push(Record {
            batch: batch_label,
            certificate: certificate.clone(),
            level,
            majors: covered,
            approved_trainees: Some(registered + rng.u64(0..=50)),
            social_training_person_days: (rng.u8(..100) < 5).then(|| rng.u64(1..=2000)),
            registered,
            certified,
            reported_pass_rate_percent: None,
            note: None,
        });
    }
    let totals = crate::domain::Totals::of(&out);
    Dataset {
        title: format!("合成数据：{records} 条试点记录"),
        institution: Some("性能测试用".into()),
        as_of: Some("2025-12-31".into()),
        summary: Vec::new(),
        reported_totals: Some(ReportedTotals {
            certificate_levels: Some(totals.records as u64),
            registered: Some(totals.registered),
            certified: Some(totals.certified),
            ..ReportedTotals::default()
        }),
        records: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse_dataset;

    #[test]
    fn generated_datasets_are_valid_and_round_trip() {
        for size in [0, 1, 1_000, 2_000] {
            let dataset = synthetic_dataset(size, 7);
            assert_eq!(dataset.records.len(), size);
            let again = parse_dataset(&dataset.to_json_pretty()).expect("valid");
            assert_eq!(again, dataset);
        }
    }

    #[test]
    fn large_datasets_have_500_certificates_and_pending_and_empty_pilots() {
        let dataset = synthetic_dataset(10_000, 1);
        let names: std::collections::HashSet<&str> = dataset
            .records
            .iter()
            .map(|r| r.certificate.as_str())
            .collect();
        assert_eq!(names.len(), 500);
        assert!(dataset.records.iter().any(|r| r.certified.is_none()));
        assert!(dataset.records.iter().any(|r| r.registered == 0));
    }
}
