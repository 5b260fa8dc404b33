"""The only Streamlit-aware code besides dashboard.py and pages/."""
