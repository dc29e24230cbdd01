//! `polyhe fpga report`: the parsers, the cycle table and the JSON shape on
//! a tiny configuration (the full report takes minutes and is not run here).

use polyhe_fpga::tools::{self, CellReport};
use polyhe_host::fpga_report::{self as fr, CoreConfig, Family};

#[test]
fn maps_cells_to_resources_per_family() {
    let ice = CellReport::parse(
        "   Number of cells: 10\n     SB_DFF 2\n     SB_DFFE 1\n     SB_LUT4 4\n     SB_MAC16 2\n     SB_RAM40_4K 1\n",
    )
    .unwrap();
    let r = Family::Ice40.resources(&ice);
    assert_eq!((r.luts, r.ffs, r.dsps, r.brams), (4, 3, 2, 1));
    let x = CellReport::parse(
        "   Number of cells: 9\n     DSP48E1 1\n     FDRE 2\n     LUT2 1\n     LUT6 3\n     RAMB18E1 1\n     CARRY4 1\n",
    )
    .unwrap();
    let r = Family::Xilinx.resources(&x);
    assert_eq!((r.luts, r.ffs, r.dsps, r.brams), (4, 2, 1, 1));
    let e =
        CellReport::parse("   Number of cells: 5\n     DP16KD 1\n     LUT4 2\n     MULT18X18D 1\n     TRELLIS_FF 1\n")
            .unwrap();
    let r = Family::Ecp5.resources(&e);
    assert_eq!((r.luts, r.ffs, r.dsps, r.brams), (2, 1, 1, 1));
    assert_eq!(Family::parse("ECP5"), Some(Family::Ecp5));
    assert_eq!(Family::parse("vhdl"), None);
    assert_eq!(CoreConfig::parse("n8192"), Some(CoreConfig::N8192));
}

#[test]
fn parses_nextpnr_fmax() {
    let log = "Info: Max frequency for clock 'clock$SB_IO_IN_$glb_clk': 31.50 MHz (PASS at 12.00 MHz)\n\
               Info: Max frequency for clock 'clock$SB_IO_IN_$glb_clk': 33.25 MHz (PASS at 12.00 MHz)\n";
    assert_eq!(fr::parse_nextpnr_fmax(log), Some(33.25));
    assert_eq!(fr::parse_nextpnr_fmax("nothing here"), None);
}

#[test]
fn cycle_rows_simulate_small_degrees_and_use_the_formula_above() {
    use polyhe_fpga::ntt::{NttControl, NttCore13};
    for lanes in [1, 2, 4] {
        let rows = fr::cycle_rows(5, 7, lanes, |_| {}).unwrap();
        assert_eq!(rows.iter().map(|r| r.logn).collect::<Vec<_>>(), [4, 5, 6, 7]);
        assert_eq!(rows[0].source, "simulated");
        assert_eq!(rows[3].source, "formula");
        // cycle_rows checks the simulated rows against these formulas.
        let fwd = NttControl::ntt_cycles(4, lanes, NttCore13::WRITE_LATENCY);
        let pw = NttControl::pointwise_cycles(4, lanes, NttCore13::POINTWISE_WRITE_LATENCY);
        assert_eq!((rows[0].cycles_per_ntt, rows[0].cycles_per_product), (fwd, 3 * fwd + pw));
        assert!(rows.iter().all(|r| r.lanes == lanes && r.utilisation <= 1.0));
    }
    // One lane reaches 90% from N = 64, more lanes need larger N.
    assert!(fr::cycle_rows(4, 7, 1, |_| {}).unwrap()[3].utilisation > 0.9);
}

#[test]
fn tiny_report_has_the_json_fields() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = tools::WorkDir::new("fpga-report");
    let cfg = fr::ReportConfig {
        out_dir: dir.path().to_path_buf(),
        families: vec![Family::Ice40],
        configs: vec![CoreConfig::N16],
        lanes: vec![1, 2],
        max_simulated_log_n: 4,
        max_log_n: 5,
        cpu_reps: 1,
        place: false,
        progress: false,
    };
    let report = fr::run(&cfg).unwrap();
    let v = serde_json::to_value(&report).unwrap();
    for key in ["lanes", "logn", "cycles_per_ntt", "utilisation", "fmax_mhz_ice40", "families", "rows"] {
        assert!(v.get(key).is_some(), "missing {key}: {v}");
    }
    assert_eq!(v["lanes"], 1);
    let lane_counts: Vec<_> = v["lane_configs"].as_array().unwrap().iter().map(|l| l["lanes"].clone()).collect();
    assert_eq!(lane_counts, [1, 2]);
    assert_eq!(v["lane_configs"][1]["families"]["ice40"]["dsps"], 42);
    assert_eq!(v["rows"], v["lane_configs"][0]["rows"]);
    assert_eq!(v["logn"], 5);
    assert!(v["fmax_mhz_ice40"].is_null());
    let ice = &v["families"]["ice40"];
    for key in ["luts", "ffs", "dsps", "brams"] {
        assert!(ice[key].is_u64(), "{key}: {ice}");
    }
    assert_eq!(ice["dsps"], 21);
    assert!(dir.path().join("ntt_core_n16.v").is_file());
    assert!(dir.path().join("ntt_core_n16x2.v").is_file());
    assert!(fr::render_table(&report).contains("n16"));
    fr::write_files(&report, dir.path()).unwrap();
    let back: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(back, v);
    assert!(dir.path().join("report.txt").is_file());
}

#[test]
fn lean_configurations_parse_and_have_one_lane() {
    assert_eq!(CoreConfig::parse("lean_n512"), Some(CoreConfig::LeanN512));
    assert!(CoreConfig::LeanN1024.is_lean() && !CoreConfig::N1024.is_lean());
    assert_eq!(CoreConfig::LeanN512.max_log_n(), 9);
    assert!(CoreConfig::LeanN512.verilog(2).is_err());
    assert!(CoreConfig::LeanN16.has_lanes(1) && !CoreConfig::LeanN16.has_lanes(4) && CoreConfig::N16.has_lanes(4));
}

#[test]
fn lean_cycle_rows_follow_the_half_rate_pointwise_formula() {
    use polyhe_fpga::ntt::{LeanNttCore13, NttControl, NttCore13};
    let rows = fr::lean_cycle_rows(5, 6, |_| {}).unwrap();
    assert_eq!(rows.iter().map(|r| r.source.as_str()).collect::<Vec<_>>(), ["simulated", "simulated", "formula"]);
    for r in &rows {
        // Transforms as fast as the Shoup core's; pointwise products at half rate.
        assert_eq!(r.cycles_per_ntt, NttControl::ntt_cycles(r.logn, 1, NttCore13::WRITE_LATENCY));
        let pw = NttControl::pointwise_cycles_at(r.logn, 1, LeanNttCore13::POINTWISE_WRITE_LATENCY, 2);
        assert_eq!((r.cycles_per_pointwise, r.cycles_per_product), (pw, 3 * r.cycles_per_ntt + pw));
        assert!(pw > NttControl::pointwise_cycles(r.logn, 1, NttCore13::POINTWISE_WRITE_LATENCY));
    }
}

#[test]
fn tiny_report_with_the_lean_core_has_its_fields() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = tools::WorkDir::new("fpga-report-lean");
    let cfg = fr::ReportConfig {
        out_dir: dir.path().to_path_buf(),
        families: vec![Family::Ice40],
        configs: vec![CoreConfig::N16, CoreConfig::LeanN16],
        lanes: vec![1, 2],
        max_simulated_log_n: 4,
        max_log_n: 5,
        cpu_reps: 0,
        place: false,
        progress: false,
    };
    let report = fr::run(&cfg).unwrap();
    let v = serde_json::to_value(&report).unwrap();
    // The standard fields still describe the Shoup core.
    assert_eq!(v["families"]["ice40"]["dsps"], 21);
    let names: Vec<_> = v["configs"].as_array().unwrap().iter().map(|c| c["name"].clone()).collect();
    assert_eq!(names, ["n16", "n16x2", "lean_n16"]);
    let lean = &v["lean"];
    assert_eq!(lean["families"]["ice40"]["dsps"], 8);
    assert_eq!(lean["rows"].as_array().unwrap().len(), 2);
    assert!(lean["fmax_mhz"].is_null() && v["ice40_placements"].as_array().unwrap().is_empty());
    assert!(dir.path().join("ntt_core_lean_n16.v").is_file());
    assert!(fr::render_table(&report).contains("DSP-lean core"));
}
