//! Side by side: several curves on one chart.

pub mod curves_chart;
