"""Parts of the synthetic e-KTP photo renderer (render_l.py)."""
