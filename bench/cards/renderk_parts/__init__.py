"""Parts of the synthetic e-KTP photo renderer (renderer k)."""
