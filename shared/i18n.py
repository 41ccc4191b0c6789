"""Words that the helpers put on figures and in messages, in the course's four languages.

``set_language("es")`` chooses the language once (``shared.setup`` does it for you);
``t("accuracy")`` then returns the word in that language. Add a new key to every
language at once: a test checks that none is missing.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "zh", "fr")

LABELS: dict[str, dict[str, str]] = {
    "true": {"en": "True", "es": "Real", "zh": "真实", "fr": "Réel"},
    "pred": {"en": "Pred", "es": "Pred", "zh": "预测", "fr": "Préd"},
    "true_label": {"en": "True label", "es": "Clase real", "zh": "真实类别", "fr": "Classe réelle"},
    "predicted_label": {"en": "Predicted label", "es": "Clase predicha", "zh": "预测类别",
                        "fr": "Classe prédite"},
    "sample_images": {"en": "Sample images", "es": "Imágenes de muestra", "zh": "样本图像",
                      "fr": "Exemples d'images"},
    "confusion_matrix": {"en": "Confusion matrix", "es": "Matriz de confusión", "zh": "混淆矩阵",
                         "fr": "Matrice de confusion"},
    "misclassified": {"en": "Misclassified test images", "es": "Imágenes de prueba mal clasificadas",
                      "zh": "被错误分类的测试图像", "fr": "Images de test mal classées"},
    "weights": {"en": "Weights per class (red: positive, blue: negative)",
                "es": "Pesos por clase (rojo: positivo, azul: negativo)",
                "zh": "各类别的权重（红色：正，蓝色：负）",
                "fr": "Poids par classe (rouge : positif, bleu : négatif)"},
    "weight_scale": {"en": "Weight", "es": "Peso", "zh": "权重", "fr": "Poids"},
    "class": {"en": "Class", "es": "Clase", "zh": "类别", "fr": "Classe"},
    "training_curves": {"en": "Training curves", "es": "Curvas de entrenamiento", "zh": "训练曲线",
                        "fr": "Courbes d'apprentissage"},
    "epoch": {"en": "Epoch", "es": "Época", "zh": "轮次", "fr": "Époque"},
    "step": {"en": "Step", "es": "Paso", "zh": "步数", "fr": "Étape"},
    "loss": {"en": "Loss", "es": "Pérdida", "zh": "损失", "fr": "Perte"},
    "accuracy": {"en": "Accuracy", "es": "Exactitud", "zh": "准确率", "fr": "Exactitude"},
    "train": {"en": "training", "es": "entrenamiento", "zh": "训练集", "fr": "entraînement"},
    "validation": {"en": "validation", "es": "validación", "zh": "验证集", "fr": "validation"},
    "test": {"en": "test", "es": "prueba", "zh": "测试集", "fr": "test"},
    "count": {"en": "Count", "es": "Recuento", "zh": "数量", "fr": "Nombre"},
    "pixel_column": {"en": "Pixel column", "es": "Columna de píxeles", "zh": "像素列",
                     "fr": "Colonne de pixels"},
    "pixel_row": {"en": "Pixel row", "es": "Fila de píxeles", "zh": "像素行", "fr": "Ligne de pixels"},
    "no_errors": {"en": "No misclassified images", "es": "Ninguna imagen mal clasificada",
                  "zh": "没有被错误分类的图像", "fr": "Aucune image mal classée"},
    "ready": {"en": "Ready", "es": "Listo", "zh": "准备就绪", "fr": "Prêt"},
    "language": {"en": "language", "es": "idioma", "zh": "语言", "fr": "langue"},
    "conv_weights": {"en": "Filters for input channel {channel} (red: positive, blue: negative)",
                     "es": "Filtros del canal de entrada {channel} (rojo: positivo, azul: negativo)",
                     "zh": "输入通道 {channel} 的滤波器（红色：正，蓝色：负）",
                     "fr": "Filtres du canal d'entrée {channel} (rouge : positif, bleu : négatif)"},
    "feature_maps": {"en": "{count} feature maps of {height}×{width} pixels",
                     "es": "{count} mapas de características de {height}×{width} píxeles",
                     "zh": "{count} 个特征图，每个 {height}×{width} 像素",
                     "fr": "{count} cartes de caractéristiques de {height}×{width} pixels"},
    "input_image": {"en": "Input image", "es": "Imagen de entrada", "zh": "输入图像", "fr": "Image d'entrée"},
    "activation": {"en": "Activation", "es": "Activación", "zh": "激活值", "fr": "Activation"},
}

# "Label: value" as each language writes it (French puts a space before the colon,
# Chinese uses a full-width colon).
PAIR_FORMAT = {"en": "{}: {}", "es": "{}: {}", "zh": "{}：{}", "fr": "{} : {}"}

_current = "en"


def set_language(lang: str) -> None:
    """Choose the language of every later label (one of LANGUAGES)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"COURSE_LANG must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    _current = lang


def language() -> str:
    """The language chosen with ``set_language``."""
    return _current


def t(key: str, lang: str | None = None) -> str:
    """The label ``key`` in ``lang`` (default: the chosen language)."""
    return LABELS[key][lang or _current]


def pair(key: str, value: object) -> str:
    """``"Label: value"`` with the label ``key`` and the chosen language's punctuation."""
    return PAIR_FORMAT[_current].format(t(key), value)
