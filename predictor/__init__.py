"""Wait-time prediction and the queue simulator (issue 8, docs/history.md).

Light to import: TensorFlow is loaded only when a model is trained or loaded.
"""
from .estimator import FallbackEstimator, ModelEstimator, load_estimator
from .runtime import Predictor, RetrainReport, retrain

__all__ = ["FallbackEstimator", "ModelEstimator", "Predictor", "RetrainReport", "load_estimator", "retrain"]
