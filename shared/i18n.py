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
    # Lesson 06: the drawing pad and its figures.
    "pad_clear": {"en": "Clear", "es": "Borrar", "zh": "清除", "fr": "Effacer"},
    "pad_draw_here": {"en": "Draw a digit here", "es": "Dibuja aquí una cifra", "zh": "在这里写一个数字",
                      "fr": "Dessinez un chiffre ici"},
    "pad_empty": {"en": "The pad is empty: draw a digit from 0 to 9 with the mouse, a pen or a finger.",
                  "es": "El panel está vacío: dibuja una cifra del 0 al 9 con el ratón, un lápiz o el dedo.",
                  "zh": "绘图板是空的：请用鼠标、触控笔或手指写一个 0 到 9 的数字。",
                  "fr": "Le bloc est vide : dessinez un chiffre de 0 à 9 avec la souris, un stylet ou le doigt."},
    "pad_probabilities": {"en": "Probability of each class", "es": "Probabilidad de cada clase",
                          "zh": "各类别的概率", "fr": "Probabilité de chaque classe"},
    "pad_input": {"en": "What the network sees (28×28)", "es": "Lo que ve la red (28×28)",
                  "zh": "网络看到的图像（28×28）", "fr": "Ce que voit le réseau (28×28)"},
    "pad_saliency": {"en": "Saliency (red: for {digit}, blue: against)",
                     "es": "Saliencia (rojo: a favor del {digit}, azul: en contra)",
                     "zh": "显著性图（红色：支持 {digit}，蓝色：反对）",
                     "fr": "Saillance (rouge : pour le {digit}, bleu : contre)"},
    "pad_text": {"en": "Drawing pad: run this notebook in JupyterLab, Jupyter Notebook 7 or Colab to draw a digit.",
                 "es": "Panel de dibujo: ejecuta este cuaderno en JupyterLab, Jupyter Notebook 7 o Colab "
                       "para dibujar una cifra.",
                 "zh": "绘图板：在 JupyterLab、Jupyter Notebook 7 或 Colab 中运行本笔记本即可写数字。",
                 "fr": "Bloc de dessin : exécutez ce notebook dans JupyterLab, Jupyter Notebook 7 ou Colab "
                       "pour dessiner un chiffre."},
    "prep_title": {"en": "From a drawing to an MNIST-style digit", "es": "De un dibujo a una cifra al estilo MNIST",
                   "zh": "从手绘图到 MNIST 风格的数字", "fr": "D'un dessin à un chiffre au format MNIST"},
    "prep_canvas": {"en": "Drawing\n({size}×{size})", "es": "Dibujo\n({size}×{size})",
                    "zh": "手绘图\n（{size}×{size}）", "fr": "Dessin\n({size}×{size})"},
    "prep_shrunk": {"en": "Shrunk\nto 28×28", "es": "Reducido\na 28×28", "zh": "直接缩小\n到 28×28",
                    "fr": "Réduit\nà 28×28"},
    "prep_mnist": {"en": "Prepared\nlike MNIST", "es": "Preparado\ncomo MNIST", "zh": "按 MNIST\n方式处理",
                   "fr": "Préparé\ncomme MNIST"},
    "prep_step_box": {"en": "1. Bounding box of the ink", "es": "1. Rectángulo que encierra la tinta",
                      "zh": "1. 笔迹的外接矩形", "fr": "1. Rectangle englobant l'encre"},
    "prep_step_scale": {"en": "2. Scaled to fit 20×20", "es": "2. Escalado para caber en 20×20",
                        "zh": "2. 缩放到 20×20 以内", "fr": "2. Mis à l'échelle dans 20×20"},
    "prep_step_centre": {"en": "3. Centre of mass (+) at the centre of 28×28",
                         "es": "3. Centro de masa (+) en el centro de 28×28",
                         "zh": "3. 质心（+）位于 28×28 的中心",
                         "fr": "3. Centre de masse (+) au centre du 28×28"},
    # Lesson 06: images that are no digit (input_problem in shared/preprocess.py), shown instead of a digit.
    "input_dot": {"en": "That is a dot, not a digit: draw a whole digit from 0 to 9, a good deal larger.",
                  "es": "Eso es un punto, no una cifra: dibuja una cifra entera del 0 al 9, bastante más grande.",
                  "zh": "这只是一个点，不是数字：请写一个完整的 0 到 9 的数字，写大一些。",
                  "fr": "C'est un point, pas un chiffre : dessinez un chiffre entier de 0 à 9, nettement plus grand."},
    "input_filled": {"en": "Ink covers most of the image, so there is no digit to read: draw one digit with "
                           "ordinary strokes (on the pad, press Clear first).",
                     "es": "La tinta cubre casi toda la imagen y no queda ninguna cifra que leer: dibuja una "
                           "sola cifra con trazos normales (en el panel, pulsa antes Borrar).",
                     "zh": "笔迹几乎盖满了整幅图像，看不出任何数字：请用普通的笔画写一个数字（在绘图板上先按“清除”）。",
                     "fr": "L'encre couvre presque toute l'image : il n'y a aucun chiffre à lire. Dessinez un "
                           "seul chiffre avec des traits ordinaires (sur le bloc, appuyez d'abord sur Effacer)."},
    "input_float": {"en": "The grey levels only go up to 1, but the course's images go from 0 (background) "
                          "to 255 (ink): multiply the image by 255 first.",
                    "es": "Los niveles de gris solo llegan a 1, pero las imágenes del curso van de 0 (fondo) "
                          "a 255 (tinta): multiplica antes la imagen por 255.",
                    "zh": "灰度值最大只有 1，而本课程的图像取值从 0（背景）到 255（笔迹）：请先把图像乘以 255。",
                    "fr": "Les niveaux de gris ne dépassent pas 1, alors que les images du cours vont de 0 "
                          "(fond) à 255 (encre) : multipliez d'abord l'image par 255."},
    "input_inverted": {"en": "This looks like a dark digit on a light background, but the network expects light "
                             "ink (255) on a dark background (0): use 255 - image.",
                       "es": "Parece una cifra oscura sobre fondo claro, pero la red espera tinta clara (255) "
                             "sobre fondo oscuro (0): usa 255 - image.",
                       "zh": "这看起来是浅色背景上的深色数字，而网络需要的是深色背景（0）上的浅色笔迹（255）："
                             "请使用 255 - image。",
                       "fr": "On dirait un chiffre sombre sur fond clair, alors que le réseau attend une encre "
                             "claire (255) sur fond sombre (0) : utilisez 255 - image."},
    # Lesson 06: drawings as other people draw them (drawing_variants), read with and without augmentation.
    "variant_drawn": {"en": "as drawn", "es": "tal cual", "zh": "原样", "fr": "tel quel"},
    "variant_thick": {"en": "pen twice as wide", "es": "trazo el doble de ancho", "zh": "笔画加粗一倍",
                      "fr": "trait deux fois plus large"},
    "variant_thin": {"en": "pen a third as wide", "es": "trazo tres veces más fino", "zh": "笔画细到三分之一",
                     "fr": "trait trois fois plus fin"},
    "variant_left": {"en": "rotated 20° left", "es": "girado 20° a la izquierda", "zh": "向左旋转 20°",
                     "fr": "tourné de 20° à gauche"},
    "variant_right": {"en": "rotated 20° right", "es": "girado 20° a la derecha", "zh": "向右旋转 20°",
                      "fr": "tourné de 20° à droite"},
    "variant_slanted": {"en": "slanted", "es": "inclinado", "zh": "倾斜", "fr": "penché"},
    "variant_shifted": {"en": "shifted down and right", "es": "desplazado abajo a la derecha",
                        "zh": "向右下方平移", "fr": "décalé en bas à droite"},
    "variant_smaller": {"en": "shrunk to 70%", "es": "reducido al 70 %", "zh": "缩小到 70%",
                        "fr": "réduit à 70 %"},
    "aug_without": {"en": "without augmentation", "es": "sin aumento de datos", "zh": "未做数据增强",
                    "fr": "sans augmentation de données"},
    "aug_with": {"en": "with augmentation", "es": "con aumento de datos", "zh": "使用数据增强",
                 "fr": "avec augmentation de données"},
    "aug_title": {"en": "The course's ten drawings, drawn differently: share read correctly",
                  "es": "Los diez dibujos del curso, dibujados de otra manera: proporción leída correctamente",
                  "zh": "课程自带的十个手绘数字换一种写法后：被正确识别的比例",
                  "fr": "Les dix dessins du cours, dessinés autrement : part lue correctement"},
    # Lesson 06: reusing the saved model (shared/models.py).
    "model_loaded": {"en": "Loaded the trained network from {path}.",
                     "es": "Red entrenada cargada desde {path}.",
                     "zh": "已从 {path} 加载训练好的网络。",
                     "fr": "Réseau entraîné chargé depuis {path}."},
    "model_saved": {"en": "Saved the trained network to {path}: the next run loads it instead of training.",
                    "es": "Red entrenada guardada en {path}: la próxima ejecución la cargará en lugar de entrenar.",
                    "zh": "训练好的网络已保存到 {path}：下次运行时直接加载，不再训练。",
                    "fr": "Réseau entraîné enregistré dans {path} : la prochaine exécution le chargera "
                          "au lieu de l'entraîner."},
    "model_other_keras": {"en": "{path} was saved by Keras {saved} and this is Keras {current}: training again.",
                          "es": "{path} se guardó con Keras {saved} y este entorno tiene Keras {current}: "
                                "se entrena de nuevo.",
                          "zh": "{path} 由 Keras {saved} 保存，而当前是 Keras {current}：重新训练。",
                          "fr": "{path} a été enregistré par Keras {saved}, et voici Keras {current} : "
                                "nouvel entraînement."},
    "model_unreadable": {"en": "{path} cannot be read ({error}): training again.",
                         "es": "No se puede leer {path} ({error}): se entrena de nuevo.",
                         "zh": "无法读取 {path}（{error}）：重新训练。",
                         "fr": "Impossible de lire {path} ({error}) : nouvel entraînement."},
    "model_not_saved": {"en": "Could not save the trained network to {path} ({error}): the next run trains again.",
                        "es": "No se pudo guardar la red entrenada en {path} ({error}): la próxima ejecución "
                              "volverá a entrenar.",
                        "zh": "无法把训练好的网络保存到 {path}（{error}）：下次运行时会重新训练。",
                        "fr": "Impossible d'enregistrer le réseau entraîné dans {path} ({error}) : "
                              "la prochaine exécution l'entraînera de nouveau."},
    "model_other_architecture": {"en": "The saved network {path} has another architecture: training this one.",
                                 "es": "La red guardada {path} tiene otra arquitectura: se entrena esta.",
                                 "zh": "已保存的网络 {path} 结构不同：训练当前这个网络。",
                                 "fr": "Le réseau enregistré {path} a une autre architecture : "
                                       "entraînement de celui-ci."},
    # Lesson 04: the DNN classifier's confusion heatmap and first-layer weights.
    "share_of_true_class": {"en": "Share of the true class", "es": "Proporción de la clase real",
                            "zh": "占真实类别的比例", "fr": "Part de la classe réelle"},
    "first_layer_weights": {"en": "First hidden layer: weights of {count} units (red: positive, blue: negative)",
                            "es": "Primera capa oculta: pesos de {count} unidades (rojo: positivo, azul: negativo)",
                            "zh": "第一隐藏层：{count} 个单元的权重（红色：正，蓝色：负）",
                            "fr": "Première couche cachée : poids de {count} unités (rouge : positif, bleu : négatif)"},
    "after_steps": {"en": "after {steps} steps", "es": "tras {steps} pasos", "zh": "训练 {steps} 步后",
                    "fr": "après {steps} étapes"},
    # Lesson 05: the ten Fashion-MNIST classes, in label order (see fashion_class_names), and a chart title.
    "fashion_tshirt": {"en": "T-shirt/top", "es": "Camiseta/top", "zh": "T恤/上衣", "fr": "T-shirt/haut"},
    "fashion_trouser": {"en": "Trouser", "es": "Pantalón", "zh": "裤子", "fr": "Pantalon"},
    "fashion_pullover": {"en": "Pullover", "es": "Jersey", "zh": "套头衫", "fr": "Pull-over"},
    "fashion_dress": {"en": "Dress", "es": "Vestido", "zh": "连衣裙", "fr": "Robe"},
    "fashion_coat": {"en": "Coat", "es": "Abrigo", "zh": "外套", "fr": "Manteau"},
    "fashion_sandal": {"en": "Sandal", "es": "Sandalia", "zh": "凉鞋", "fr": "Sandale"},
    "fashion_shirt": {"en": "Shirt", "es": "Camisa", "zh": "衬衫", "fr": "Chemise"},
    "fashion_sneaker": {"en": "Sneaker", "es": "Zapatilla", "zh": "运动鞋", "fr": "Basket"},
    "fashion_bag": {"en": "Bag", "es": "Bolso", "zh": "包", "fr": "Sac"},
    "fashion_ankle_boot": {"en": "Ankle boot", "es": "Botín", "zh": "踝靴", "fr": "Bottine"},
    # Exercises: the labels of the hidden hint and solution, and the self-checks' feedback (shared/checks.py).
    "hint": {"en": "Hint", "es": "Pista", "zh": "提示", "fr": "Indice"},
    "solution": {"en": "Solution", "es": "Solución", "zh": "参考答案", "fr": "Solution"},
    "exercises_intro": {
        "en": "Each exercise has a hint and a worked solution, folded away until you click on them: "
              "try first, then compare. A solution's code runs after the lesson's cells; to try it, "
              "copy it into a new cell at the end of the notebook. When a code cell follows an "
              "exercise, it checks your answer: replace `None` with it and run the cell.",
        "es": "Cada ejercicio tiene una pista y una solución desarrollada, plegadas hasta que hagas "
              "clic en ellas: inténtalo primero y compara después. El código de una solución se "
              "ejecuta después de las celdas de la lección; para probarlo, cópialo en una celda nueva "
              "al final del cuaderno. Cuando una celda de código sigue a un ejercicio, comprueba tu "
              "respuesta: sustituye `None` por ella y ejecuta la celda.",
        "zh": "每道练习都有提示和完整的参考答案，点击后才会展开：请先自己尝试，再对照答案。参考答案的代"
              "码在本课所有单元格之后运行；想试一试，就把它复制到笔记本末尾的新单元格中。练习后面如果跟"
              "着一个代码单元格，它会检查你的答案：把 `None` 换成你的答案，然后运行该单元格。",
        "fr": "Chaque exercice a un indice et une solution rédigée, repliés jusqu'à ce que vous "
              "cliquiez dessus\u00a0: essayez d'abord, comparez ensuite. Le code d'une solution s'exécute "
              "après les cellules de la leçon\u00a0; pour l'essayer, copiez-le dans une nouvelle cellule à "
              "la fin du notebook. Quand une cellule de code suit un exercice, elle vérifie votre "
              "réponse\u00a0: remplacez `None` par celle-ci et exécutez la cellule.",
    },
    # The same, in the student edition (tools/exercises.py), which has no solutions.
    "exercises_intro_student": {
        "en": "Each exercise has a hint, folded away until you click on it: try first. When a code "
              "cell follows an exercise, it checks your answer: replace `None` with it and run the "
              "cell.",
        "es": "Cada ejercicio tiene una pista, plegada hasta que hagas clic en ella: inténtalo "
              "primero. Cuando una celda de código sigue a un ejercicio, comprueba tu respuesta: "
              "sustituye `None` por ella y ejecuta la celda.",
        "zh": "每道练习都有提示，点击后才会展开：请先自己尝试。练习后面如果跟着一个代码单元格，它会检查"
              "你的答案：把 `None` 换成你的答案，然后运行该单元格。",
        "fr": "Chaque exercice a un indice, replié jusqu'à ce que vous cliquiez dessus\u00a0: essayez "
              "d'abord. Quand une cellule de code suit un exercice, elle vérifie votre réponse\u00a0: "
              "remplacez `None` par celle-ci et exécutez la cellule.",
    },
    "check_missing": {"en": "Write your answer in place of None, then run this cell again.",
                      "es": "Escribe tu respuesta en lugar de None y vuelve a ejecutar esta celda.",
                      "zh": "把 None 换成你的答案，然后再次运行这个单元格。",
                      "fr": "Écrivez votre réponse à la place de None, puis exécutez de nouveau cette cellule."},
    "check_right": {"en": "✔ Right.", "es": "✔ Correcto.", "zh": "✔ 正确。", "fr": "✔ Juste."},
    "check_wrong": {"en": "✘ Not yet. {nudge}", "es": "✘ Todavía no. {nudge}", "zh": "✘ 还不对。{nudge}",
                    "fr": "✘ Pas encore. {nudge}"},
    "accuracy_per_class": {"en": "Test accuracy per class", "es": "Exactitud por clase en el conjunto de prueba",
                           "zh": "各类别在测试集上的准确率", "fr": "Exactitude par classe sur l'ensemble de test"},
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
    return joined(t(key), value)


def joined(label: object, value: object) -> str:
    """``"label: value"`` with the chosen language's punctuation (``label`` used as given)."""
    return PAIR_FORMAT[_current].format(label, value)


# Fashion-MNIST's labels 0-9, in order: T-shirt/top, Trouser, Pullover, Dress, Coat,
# Sandal, Shirt, Sneaker, Bag, Ankle boot (the order of Zalando's release).
FASHION_CLASSES = ("fashion_tshirt", "fashion_trouser", "fashion_pullover", "fashion_dress", "fashion_coat",
                   "fashion_sandal", "fashion_shirt", "fashion_sneaker", "fashion_bag", "fashion_ankle_boot")


def fashion_class_names(lang: str | None = None) -> list[str]:
    """The ten Fashion-MNIST class names in ``lang`` (default: the chosen language).

    Item ``i`` names label ``i``, so ``fashion_class_names()[label]`` is the name of a
    label, and the list can be passed as ``class_names`` to the plotting helpers.
    """
    return [t(key, lang) for key in FASHION_CLASSES]
