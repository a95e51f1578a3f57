"""Parts of renderer g: synthetic phone photos of Indonesian e-KTP cards."""
