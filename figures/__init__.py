"""The drawing layer: plotly figures, exports and the report. Never imports Streamlit."""
