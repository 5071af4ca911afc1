"""Coming in this issue."""

import streamlit as st

from ui.state import require_user, t

require_user()
st.title(t("page.admin"))
