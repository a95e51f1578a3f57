"""Parts of renderer "j": synthetic phone photos of Indonesian e-KTP cards."""
