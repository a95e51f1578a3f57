"""Parts of renderer "i": synthetic phone photos of Indonesian e-KTP cards."""
