"""Words that the helpers put on figures and in messages, in the course's four languages.

``set_language("es")`` chooses the language once (``shared.setup`` does it for you);
``t("accuracy")`` then returns the word in that language. Add a new key to every
language at once: a test checks that none is missing.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "zh", "fr")

LABELS: dict[str, dict[str, str]] = {
    "true": {"en": "True", "es": "Real", "zh": "真实", "fr": "Réel"},
    "pred": {"en": "Pred", "es": "Pred.", "zh": "预测", "fr": "Préd."},
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
                "fr": "Poids par classe (rouge : positif, bleu : négatif)"},
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
                     "fr": "Filtres du canal d'entrée {channel} (rouge : positif, bleu : négatif)"},
    "feature_maps": {"en": "{count} feature maps of {height}×{width} pixels",
                     "es": "{count} mapas de características de {height}×{width} píxeles",
                     "zh": "{count} 个特征图，每个 {height}×{width} 像素",
                     "fr": "{count} cartes de caractéristiques de {height}×{width} pixels"},
    "input_image": {"en": "Input image", "es": "Imagen de entrada", "zh": "输入图像", "fr": "Image d'entrée"},
    "activation": {"en": "Activation", "es": "Activación", "zh": "激活值", "fr": "Activation"},
    # Lesson 06: the drawing pad and its figures.
    "pad_clear": {"en": "Clear", "es": "Borrar", "zh": "清除", "fr": "Effacer"},
    "pad_draw_here": {"en": "Draw a digit here", "es": "Dibuja aquí un dígito", "zh": "在这里写一个数字",
                      "fr": "Dessinez un chiffre ici"},
    "pad_empty": {"en": "The pad is empty: draw a digit from 0 to 9 with the mouse, a pen or a finger.",
                  "es": "El panel está vacío: dibuja un dígito del 0 al 9 con el ratón, un lápiz o el dedo.",
                  "zh": "绘图板是空的：请用鼠标、触控笔或手指写一个 0 到 9 的数字。",
                  "fr": "Le bloc est vide : dessinez un chiffre de 0 à 9 avec la souris, un stylet ou le doigt."},
    "pad_probabilities": {"en": "Probability of each class", "es": "Probabilidad de cada clase",
                          "zh": "各类别的概率", "fr": "Probabilité de chaque classe"},
    "pad_input": {"en": "What the network sees (28×28)", "es": "Lo que ve la red (28×28)",
                  "zh": "网络看到的图像（28×28）", "fr": "Ce que voit le réseau (28×28)"},
    "pad_saliency": {"en": "Saliency (red: for {digit}, blue: against)",
                     "es": "Saliencia (rojo: a favor del {digit}, azul: en contra)",
                     "zh": "显著性图（红色：支持 {digit}，蓝色：反对）",
                     "fr": "Saillance (rouge : pour le {digit}, bleu : contre)"},
    "pad_text": {"en": "Drawing pad: run this notebook in JupyterLab, Jupyter Notebook 7 or Colab to draw a digit.",
                 "es": "Panel de dibujo: ejecuta este cuaderno en JupyterLab, Jupyter Notebook 7 o Colab "
                       "para dibujar un dígito.",
                 "zh": "绘图板：在 JupyterLab、Jupyter Notebook 7 或 Colab 中运行本笔记本即可写数字。",
                 "fr": "Bloc de dessin : exécutez ce notebook dans JupyterLab, Jupyter Notebook 7 ou Colab "
                       "pour dessiner un chiffre."},
    # The pad's picture, stored beside the widget for readers without a kernel (GitHub, the website).
    "pad_picture": {"en": "The drawing pad with one of the course's drawings (run the notebook to draw your own)",
                    "es": "El panel de dibujo con uno de los dibujos del curso (ejecuta el cuaderno para "
                          "dibujar el tuyo)",
                    "zh": "绘图板，显示课程自带的一幅手绘数字（运行本笔记本即可自己写）",
                    "fr": "Le bloc de dessin avec l'un des dessins du cours (exécutez le notebook pour "
                          "dessiner le vôtre)"},
    "prep_title": {"en": "From a drawing to an MNIST-style digit", "es": "De un dibujo a un dígito al estilo MNIST",
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
                  "es": "Eso es un punto, no un dígito: dibuja un dígito entero del 0 al 9, bastante más grande.",
                  "zh": "这只是一个点，不是数字：请写一个完整的 0 到 9 的数字，写大一些。",
                  "fr": "C'est un point, pas un chiffre : dessinez un chiffre entier de 0 à 9, nettement plus grand."},
    "input_filled": {"en": "Ink covers most of the image, so there is no digit to read: draw one digit with "
                           "ordinary strokes (on the pad, press Clear first).",
                     "es": "La tinta cubre casi toda la imagen y no queda ningún dígito que leer: dibuja un "
                           "solo dígito con trazos normales (en el panel, pulsa antes Borrar).",
                     "zh": "笔迹几乎盖满了整幅图像，看不出任何数字：请用普通的笔画写一个数字（在绘图板上先按“清除”）。",
                     "fr": "L'encre couvre presque toute l'image : il n'y a aucun chiffre à lire. Dessinez un "
                           "seul chiffre avec des traits ordinaires (sur le bloc, appuyez d'abord sur Effacer)."},
    "input_float": {"en": "The grey levels only go up to 1, but the course's images go from 0 (background) "
                          "to 255 (ink): multiply the image by 255 first.",
                    "es": "Los niveles de gris solo llegan a 1, pero las imágenes del curso van de 0 (fondo) "
                          "a 255 (tinta): multiplica antes la imagen por 255.",
                    "zh": "灰度值最大只有 1，而本课程的图像取值从 0（背景）到 255（笔迹）：请先把图像乘以 255。",
                    "fr": "Les niveaux de gris ne dépassent pas 1, alors que les images du cours vont de 0 "
                          "(fond) à 255 (encre) : multipliez d'abord l'image par 255."},
    "input_inverted": {"en": "This looks like a dark digit on a light background, but the network expects light "
                             "ink (255) on a dark background (0): use 255 - image.",
                       "es": "Parece un dígito oscuro sobre fondo claro, pero la red espera tinta clara (255) "
                             "sobre fondo oscuro (0): usa 255 - image.",
                       "zh": "这看起来是浅色背景上的深色数字，而网络需要的是深色背景（0）上的浅色笔迹（255）："
                             "请使用 255 - image。",
                       "fr": "On dirait un chiffre sombre sur fond clair, alors que le réseau attend une encre "
                             "claire (255) sur fond sombre (0) : utilisez 255 - image."},
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
                        "fr": "réduit à 70 %"},
    "aug_without": {"en": "without augmentation", "es": "sin aumento de datos", "zh": "未做数据增强",
                    "fr": "sans augmentation de données"},
    "aug_with": {"en": "with augmentation", "es": "con aumento de datos", "zh": "使用数据增强",
                 "fr": "avec augmentation de données"},
    "aug_title": {"en": "The course's ten drawings, drawn differently: share read correctly",
                  "es": "Los diez dibujos del curso, dibujados de otra manera: proporción de aciertos",
                  "zh": "课程自带的十个手绘数字换一种写法后：被正确识别的比例",
                  "fr": "Les dix dessins du cours, dessinés autrement : part lue correctement"},
    # Lesson 06: reusing the saved model (shared/models.py).
    "model_loaded": {"en": "Loaded the trained network from {path}.",
                     "es": "Red entrenada cargada desde {path}.",
                     "zh": "已从 {path} 加载训练好的网络。",
                     "fr": "Réseau entraîné chargé depuis {path}."},
    "model_saved": {"en": "Saved the trained network to {path}: the next run loads it instead of training.",
                    "es": "Red entrenada guardada en {path}: la próxima ejecución la cargará en lugar de entrenar.",
                    "zh": "训练好的网络已保存到 {path}：下次运行时直接加载，不再训练。",
                    "fr": "Réseau entraîné enregistré dans {path} : la prochaine exécution le chargera "
                          "au lieu de l'entraîner."},
    "model_other_keras": {"en": "{path} was saved by Keras {saved} and this is Keras {current}: training again.",
                          "es": "{path} se guardó con Keras {saved} y este entorno tiene Keras {current}: "
                                "se entrena de nuevo.",
                          "zh": "{path} 由 Keras {saved} 保存，而当前是 Keras {current}：重新训练。",
                          "fr": "{path} a été enregistré avec Keras {saved}, or ce noyau a Keras {current} : "
                                "nouvel entraînement."},
    "model_unreadable": {"en": "{path} cannot be read ({error}): training again.",
                         "es": "No se puede leer {path} ({error}): se entrena de nuevo.",
                         "zh": "无法读取 {path}（{error}）：重新训练。",
                         "fr": "Impossible de lire {path} ({error}) : nouvel entraînement."},
    "model_not_saved": {"en": "Could not save the trained network to {path} ({error}): the next run trains again.",
                        "es": "No se pudo guardar la red entrenada en {path} ({error}): la próxima ejecución "
                              "volverá a entrenar.",
                        "zh": "无法把训练好的网络保存到 {path}（{error}）：下次运行时会重新训练。",
                        "fr": "Impossible d'enregistrer le réseau entraîné dans {path} ({error}) : "
                              "la prochaine exécution l'entraînera de nouveau."},
    "model_other_architecture": {"en": "The saved network {path} has another architecture: training this one.",
                                 "es": "La red guardada {path} tiene otra arquitectura: se entrena la actual.",
                                 "zh": "已保存的网络 {path} 结构不同：训练当前这个网络。",
                                 "fr": "Le réseau enregistré {path} a une autre architecture : "
                                       "entraînement du réseau actuel."},
    "model_other_shapes": {"en": "its weights have other shapes than this network's",
                           "es": "sus pesos no tienen las mismas formas que los de esta red",
                           "zh": "其中权重的形状与当前网络的不同",
                           "fr": "ses poids n'ont pas les mêmes formes que ceux de ce réseau"},
    # Messages of the helpers (shared/*.py): wrong inputs, missing files, a kernel too old.
    # Paths, commands and numbers are placeholders, inserted as they are.
    "setup_too_old": {"en": "This course needs {package} >= {minimum}, but this kernel has {version}. {fix}",
                      "es": "Este curso necesita {package} >= {minimum}, pero este núcleo tiene {version}. {fix}",
                      "zh": "本课程需要 {package} >= {minimum}，但当前内核中的版本是 {version}。{fix}",
                      "fr": "Ce cours nécessite {package} >= {minimum}, mais ce noyau a la version {version}. {fix}"},
    "setup_fix_colab": {"en": "In Colab, choose Runtime > Restart session, then run the notebook again.",
                        "es": "En Colab, elige Entorno de ejecución > Reiniciar sesión y vuelve a ejecutar "
                              "el cuaderno.",
                        "zh": "在 Colab 中，请选择“代码执行程序 > 重启会话”，然后重新运行本笔记本。",
                        "fr": "Dans Colab, choisissez Exécution > Redémarrer la session, puis exécutez de nouveau "
                              "le notebook."},
    "setup_fix_local": {"en": "Set up the course's environment (see README.md: `python3 course.py lab`) and choose "
                              "its kernel.",
                        "es": "Prepara el entorno del curso (consulta README.es.md: `python3 course.py lab --lang es`) "
                              "y elige su núcleo.",
                        "zh": "请配置课程的环境（见 README.zh.md：`python3 course.py lab --lang zh`），"
                              "并选择它的内核。",
                        "fr": "Installez l'environnement du cours (voir README.fr.md : "
                              "`python3 course.py lab --lang fr`) et choisissez son noyau."},
    "fonts_no_cjk": {"en": "No font with Chinese glyphs found, so Chinese labels would show as boxes. Install one: "
                           "`pip install mplfonts` (what the course's requirements do), or on Debian/Ubuntu "
                           "`sudo apt-get install fonts-noto-cjk`; then restart the kernel.",
                     "es": "No se ha encontrado ninguna fuente con caracteres chinos, así que las etiquetas en chino "
                           "se verían como cuadrados. Instala una: `pip install mplfonts` (lo que hacen los requisitos "
                           "del curso), o en Debian/Ubuntu `sudo apt-get install fonts-noto-cjk`; después reinicia "
                           "el núcleo.",
                     "zh": "找不到包含中文字形的字体，中文标签会显示成方框。请安装一个：`pip install mplfonts`"
                           "（课程的依赖就是这样安装的），或者在 Debian/Ubuntu 上运行 "
                           "`sudo apt-get install fonts-noto-cjk`；然后重启内核。",
                     "fr": "Aucune police avec des caractères chinois n'a été trouvée : les étiquettes en chinois "
                           "s'afficheraient comme des carrés. Installez-en une : `pip install mplfonts` (ce que font "
                           "les dépendances du cours), ou sous Debian/Ubuntu `sudo apt-get install fonts-noto-cjk` ; "
                           "puis redémarrez le noyau."},
    "check_unknown": {"en": "There is no check named {name}: copy the name from the exercise.",
                      "es": "No hay ninguna comprobación llamada {name}: copia el nombre del ejercicio.",
                      "zh": "没有名为 {name} 的检查：请从练习中复制这个名称。",
                      "fr": "Il n'existe aucune vérification nommée {name} : copiez le nom depuis l'exercice."},
    "image_colour": {"en": "expected a 2-D grey image (height, width), got shape {shape}: convert colour images "
                           "to grey and drop the channel axis first",
                     "es": "se esperaba una imagen 2-D en escala de grises (alto, ancho), pero su forma es {shape}: "
                           "convierte antes las imágenes en color a escala de grises y quita el eje de los canales",
                     "zh": "需要一幅二维灰度图像（高，宽），得到的形状却是 {shape}：请先把彩色图像转换成灰度图像，"
                           "并去掉通道轴",
                     "fr": "une image 2-D en niveaux de gris (hauteur, largeur) était attendue, mais sa forme est "
                           "{shape} : convertissez d'abord les images en couleur en niveaux de gris et retirez l'axe "
                           "des canaux"},
    "image_not_2d": {"en": "expected a 2-D grey image (height, width), got shape {shape}",
                     "es": "se esperaba una imagen 2-D en escala de grises (alto, ancho), pero su forma es {shape}",
                     "zh": "需要一幅二维灰度图像（高，宽），得到的形状却是 {shape}",
                     "fr": "une image 2-D en niveaux de gris (hauteur, largeur) était attendue, mais sa forme "
                           "est {shape}"},
    "image_empty": {"en": "expected a 2-D grey image (height, width), got an empty one of shape {shape}",
                    "es": "se esperaba una imagen 2-D en escala de grises (alto, ancho), pero está vacía: su forma "
                          "es {shape}",
                    "zh": "需要一幅二维灰度图像（高，宽），得到的却是形状为 {shape} 的空图像",
                    "fr": "une image 2-D en niveaux de gris (hauteur, largeur) était attendue, mais elle est vide : "
                          "sa forme est {shape}"},
    "image_dtype": {"en": "expected grey levels as numbers, got dtype {dtype}",
                    "es": "se esperaban niveles de gris numéricos, pero el tipo de datos es {dtype}",
                    "zh": "灰度值应当是数字，得到的数据类型却是 {dtype}",
                    "fr": "des niveaux de gris numériques étaient attendus, mais le type de données est {dtype}"},
    "image_not_finite": {"en": "the image contains NaN or infinite values",
                         "es": "la imagen contiene valores NaN o infinitos",
                         "zh": "图像中含有 NaN 或无穷大的值",
                         "fr": "l'image contient des valeurs NaN ou infinies"},
    "image_range": {"en": "expected grey levels from 0 (background) to 255 (ink), got values from {low} to {high}",
                    "es": "se esperaban niveles de gris de 0 (fondo) a 255 (tinta), pero los valores van de {low} "
                          "a {high}",
                    "zh": "灰度值应当在 0（背景）到 255（笔迹）之间，得到的值却在 {low} 到 {high} 之间",
                    "fr": "des niveaux de gris de 0 (fond) à 255 (encre) étaient attendus, mais les valeurs vont "
                          "de {low} à {high}"},
    "stroke_not_points": {"en": "stroke {number} is not a list of (x, y) points: {error}",
                          "es": "el trazo {number} no es una lista de puntos (x, y): {error}",
                          "zh": "第 {number} 道笔画不是由 (x, y) 点组成的列表：{error}",
                          "fr": "le trait {number} n'est pas une liste de points (x, y) : {error}"},
    "stroke_not_finite": {"en": "stroke {number} has a NaN or infinite coordinate",
                          "es": "el trazo {number} tiene una coordenada NaN o infinita",
                          "zh": "第 {number} 道笔画含有 NaN 或无穷大的坐标",
                          "fr": "le trait {number} a une coordonnée NaN ou infinie"},
    "pad_blank_canvas": {"en": "the canvas is blank: there is nothing to preprocess",
                         "es": "el lienzo está en blanco: no hay nada que preprocesar",
                         "zh": "画布是空白的：没有可以预处理的内容",
                         "fr": "le canevas est vide : il n'y a rien à prétraiter"},
    "pad_prediction": {"en": "{prediction} ({percent})", "es": "{prediction} ({percent})",
                       "zh": "{prediction}（{percent}）", "fr": "{prediction} ({percent})"},
    "kernel_shape": {"en": "expected a kernel of shape (height, width, in, out), got {shape}",
                     "es": "se esperaba un núcleo (kernel) de forma (alto, ancho, entrada, salida), pero su forma "
                           "es {shape}",
                     "zh": "需要形状为（高，宽，输入，输出）的卷积核，得到的形状却是 {shape}",
                     "fr": "un noyau de forme (hauteur, largeur, entrée, sortie) était attendu, mais sa forme "
                           "est {shape}"},
    "maps_shape": {"en": "expected feature maps of shape (height, width, channels), got {shape}",
                   "es": "se esperaban mapas de características de forma (alto, ancho, canales), pero su forma "
                         "es {shape}",
                   "zh": "需要形状为（高，宽，通道）的特征图，得到的形状却是 {shape}",
                   "fr": "des cartes de caractéristiques de forme (hauteur, largeur, canaux) étaient attendues, "
                         "mais leur forme est {shape}"},
    # The datasets (shared/data.py): the offline mirror, its SHA256SUMS, downloads.
    "data_use_mirror": {"en": "`export {env}=<the folder holding mnist/ and fashion-mnist/>`",
                        "es": "`export {env}=<la carpeta que contiene mnist/ y fashion-mnist/>`",
                        "zh": "`export {env}=<包含 mnist/ 和 fashion-mnist/ 的文件夹>`",
                        "fr": "`export {env}=<le dossier qui contient mnist/ et fashion-mnist/>`"},
    "data_corrupt": {"en": "{path} is corrupt or truncated ({error}). Replace it with a good copy.",
                     "es": "{path} está dañado o incompleto ({error}). Sustitúyelo por una copia en buen estado.",
                     "zh": "{path} 已损坏或不完整（{error}）。请换成一份完好的副本。",
                     "fr": "{path} est corrompu ou tronqué ({error}). Remplacez-le par une copie intacte."},
    "data_bad_header": {"en": "{path} is not an IDX file of unsigned bytes (bad header).",
                        "es": "{path} no es un archivo IDX de bytes sin signo (cabecera incorrecta).",
                        "zh": "{path} 不是由无符号字节组成的 IDX 文件（文件头不对）。",
                        "fr": "{path} n'est pas un fichier IDX d'octets non signés (en-tête incorrect)."},
    "data_size_mismatch": {"en": "{path} holds {size} bytes but its header promises {expected}: the file is "
                                 "truncated or corrupt. Replace it with a good copy.",
                           "es": "{path} contiene {size} bytes, pero su cabecera anuncia {expected}: el archivo "
                                 "está incompleto o dañado. Sustitúyelo por una copia en buen estado.",
                           "zh": "{path} 有 {size} 字节，但文件头声明的是 {expected} 字节：文件不完整或已损坏。"
                                 "请换成一份完好的副本。",
                           "fr": "{path} contient {size} octets, mais son en-tête en annonce {expected} : le fichier "
                                 "est tronqué ou corrompu. Remplacez-le par une copie intacte."},
    "data_not_a_folder": {"en": "{setting} is not a folder. Point it at the offline mirror, e.g. the folder that "
                                "holds mnist/ and fashion-mnist/.",
                          "es": "{setting} no es una carpeta. La variable debe apuntar a la copia local de los datos, "
                                "es decir, a la carpeta que contiene mnist/ y fashion-mnist/.",
                          "zh": "{setting} 不是文件夹。这个变量应当指向离线镜像，也就是包含 mnist/ 和 fashion-mnist/ "
                                "的文件夹。",
                          "fr": "{setting} n'est pas un dossier. Cette variable doit pointer vers le miroir hors "
                                "ligne, c'est-à-dire le dossier qui contient mnist/ et fashion-mnist/."},
    "data_mirror_no_file": {"en": "The offline mirror has no {path}. Copy the standard IDX files of {dataset} there, "
                                  "or unset {env} to download them.",
                            "es": "Falta {path} en la copia local. Copia allí los archivos IDX estándar de {dataset}, "
                                  "o elimina la variable {env} para descargarlos.",
                            "zh": "离线镜像中没有 {path}。请把 {dataset} 的标准 IDX 文件复制到那里，或者取消环境变量 "
                                  "{env}，改为下载这些文件。",
                            "fr": "Le miroir hors ligne n'a pas de fichier {path}. Copiez-y les fichiers IDX standard "
                                  "de {dataset}, ou supprimez la variable {env} pour les télécharger."},
    "data_sums_missing": {"en": "The offline mirror has no {path}. Create it with `sha256sum */*.gz > SHA256SUMS` "
                                "inside {folder}.",
                          "es": "Falta {path} en la copia local. Créalo con `sha256sum */*.gz > SHA256SUMS` dentro "
                                "de {folder}.",
                          "zh": "离线镜像中没有 {path}。请在 {folder} 中运行 `sha256sum */*.gz > SHA256SUMS` "
                                "生成它。",
                          "fr": "Le miroir hors ligne n'a pas de fichier {path}. Créez-le avec "
                                "`sha256sum */*.gz > SHA256SUMS` dans {folder}."},
    "data_sums_bad_line": {"en": "{path}, line {number}: {line} is not a checksum line. Each line should be a "
                                 "SHA-256 digest, two spaces and a path, e.g. `{example}` "
                                 "(`sha256sum */*.gz > SHA256SUMS` inside {folder} writes them).",
                           "es": "{path}, línea {number}: {line} no es una línea de sumas de verificación. Cada "
                                 "línea debe tener un resumen SHA-256, dos espacios y una ruta, por ejemplo "
                                 "`{example}` (`sha256sum */*.gz > SHA256SUMS` dentro de {folder} las escribe).",
                           "zh": "{path} 第 {number} 行：{line} 不是校验和行。每一行应当是一个 SHA-256 摘要、"
                                 "两个空格和一个路径，例如 `{example}`（在 {folder} 中运行 "
                                 "`sha256sum */*.gz > SHA256SUMS` 即可生成）。",
                           "fr": "{path}, ligne {number} : {line} n'est pas une ligne de somme de contrôle. Chaque "
                                 "ligne doit contenir une empreinte SHA-256, deux espaces et un chemin, par exemple "
                                 "`{example}` (`sha256sum */*.gz > SHA256SUMS` dans {folder} les écrit)."},
    "data_sums_no_line": {"en": "{sums} has no line for {relative}. Add one, e.g. with "
                                "`sha256sum {relative} >> SHA256SUMS` inside {mirror}.",
                          "es": "{sums} no tiene ninguna línea para {relative}. Añade una, por ejemplo con "
                                "`sha256sum {relative} >> SHA256SUMS` dentro de {mirror}.",
                          "zh": "{sums} 中没有 {relative} 这一行。请补上一行，例如在 {mirror} 中运行 "
                                "`sha256sum {relative} >> SHA256SUMS`。",
                          "fr": "{sums} n'a pas de ligne pour {relative}. Ajoutez-en une, par exemple avec "
                                "`sha256sum {relative} >> SHA256SUMS` dans {mirror}."},
    "data_mirror_mismatch": {"en": "Checksum mismatch for {path}: sha256 is {actual}, but {sums} says {expected}. "
                                   "The mirror's copy is damaged or not the published file: copy it again from the "
                                   "mirror's source. If you know the file is good, regenerate the checksums with "
                                   "`sha256sum */*.gz > SHA256SUMS` inside {mirror}.",
                             "es": "La suma de verificación de {path} no coincide: su sha256 es {actual}, pero {sums} "
                                   "indica {expected}. La copia local está dañada o no es el archivo publicado: "
                                   "vuelve a copiarla desde su origen. Si sabes que el archivo está bien, regenera "
                                   "las sumas de verificación con `sha256sum */*.gz > SHA256SUMS` dentro de {mirror}.",
                             "zh": "{path} 的校验和不匹配：它的 sha256 是 {actual}，而 {sums} 中记录的是 {expected}。"
                                   "镜像中的副本已损坏，或者不是官方发布的文件：请从镜像的来源重新复制一份。如果你确定"
                                   "文件没有问题，请在 {mirror} 中运行 `sha256sum */*.gz > SHA256SUMS`，重新生成"
                                   "校验和。",
                             "fr": "Somme de contrôle incorrecte pour {path} : son sha256 est {actual}, mais {sums} "
                                   "indique {expected}. La copie du miroir est endommagée ou n'est pas le fichier "
                                   "publié : copiez-la de nouveau depuis la source du miroir. Si vous savez que le "
                                   "fichier est bon, régénérez les sommes de contrôle avec "
                                   "`sha256sum */*.gz > SHA256SUMS` dans {mirror}."},
    "data_download_mismatch": {"en": "Checksum mismatch for {name} downloaded from {url}: {algorithm} is {actual}, "
                                     "expected {expected}. The download was damaged or is not the published file, "
                                     "so it was deleted. Load again to retry, or use an offline copy: {use_mirror}.",
                               "es": "La suma de verificación de {name}, descargado de {url}, no coincide: su "
                                     "{algorithm} es {actual} y se esperaba {expected}. La descarga se dañó o no es "
                                     "el archivo publicado, así que se ha borrado. Vuelve a cargar los datos para "
                                     "reintentarlo, o usa una copia local: {use_mirror}.",
                               "zh": "从 {url} 下载的 {name} 校验和不匹配：它的 {algorithm} 是 {actual}，应为 "
                                     "{expected}。下载的文件已损坏或不是官方发布的文件，因此已被删除。请重新加载以再试"
                                     "一次，或者使用离线副本：{use_mirror}。",
                               "fr": "Somme de contrôle incorrecte pour {name}, téléchargé depuis {url} : son "
                                     "{algorithm} est {actual}, alors que {expected} était attendu. Le téléchargement "
                                     "est endommagé ou n'est pas le fichier publié ; il a donc été supprimé. Chargez "
                                     "de nouveau les données pour réessayer, ou utilisez une copie hors ligne : "
                                     "{use_mirror}."},
    "data_cannot_save": {"en": "Could not save {dataset} in {folder} ({error}). Set {env} to a folder you can write "
                               "to, or use an offline copy: {use_mirror}.",
                         "es": "No se pudo guardar {dataset} en {folder} ({error}). Haz que {env} apunte a una "
                               "carpeta en la que puedas escribir, o usa una copia local: {use_mirror}.",
                         "zh": "无法把 {dataset} 保存到 {folder}（{error}）。请把 {env} 设为一个你有写入权限的文件夹，"
                               "或者使用离线副本：{use_mirror}。",
                         "fr": "Impossible d'enregistrer {dataset} dans {folder} ({error}). Faites pointer {env} vers "
                               "un dossier où vous pouvez écrire, ou utilisez une copie hors ligne : {use_mirror}."},
    "data_cannot_download": {"en": "Could not download {dataset} from {url} ({error}).\nEither connect to the internet "
                                   "and run this again, or point the environment variable {env} at an offline copy "
                                   "holding mnist/ and fashion-mnist/ with their IDX .gz files and a SHA256SUMS: "
                                   "{use_mirror}.",
                             "es": "No se pudo descargar {dataset} de {url} ({error}).\nConéctate a internet y vuelve "
                                   "a ejecutar la celda, o haz que la variable de entorno {env} apunte a una copia "
                                   "local que contenga mnist/ y fashion-mnist/ con sus archivos IDX .gz y un "
                                   "SHA256SUMS: {use_mirror}.",
                             "zh": "无法从 {url} 下载 {dataset}（{error}）。\n请连接互联网后重新运行，或者把环境变量 "
                                   "{env} 指向一份离线副本，其中包含 mnist/ 和 fashion-mnist/、它们的 IDX .gz 文件"
                                   "以及一个 SHA256SUMS 文件：{use_mirror}。",
                             "fr": "Impossible de télécharger {dataset} depuis {url} ({error}).\nConnectez-vous à "
                                   "Internet et relancez la cellule, ou faites pointer la variable d'environnement "
                                   "{env} vers une copie hors ligne qui contient mnist/ et fashion-mnist/ avec leurs "
                                   "fichiers IDX .gz et un fichier SHA256SUMS : {use_mirror}."},
    # Lesson 04: the DNN classifier's confusion heatmap and first-layer weights.
    "share_of_true_class": {"en": "Share of the true class", "es": "Proporción de la clase real",
                            "zh": "占真实类别的比例", "fr": "Part de la classe réelle"},
    "first_layer_weights": {"en": "First hidden layer: weights of {count} units (red: positive, blue: negative)",
                            "es": "Primera capa oculta: pesos de {count} unidades (rojo: positivo, azul: negativo)",
                            "zh": "第一隐藏层：{count} 个单元的权重（红色：正，蓝色：负）",
                            "fr": "Première couche cachée : poids de {count} unités (rouge : positif, bleu : négatif)"},
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
              "cliquiez dessus : essayez d'abord, comparez ensuite. Le code d'une solution s'exécute "
              "après les cellules de la leçon ; pour l'essayer, copiez-le dans une nouvelle cellule à "
              "la fin du notebook. Quand une cellule de code suit un exercice, elle vérifie votre "
              "réponse : remplacez `None` par celle-ci et exécutez la cellule.",
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
        "fr": "Chaque exercice a un indice, replié jusqu'à ce que vous cliquiez dessus : essayez "
              "d'abord. Quand une cellule de code suit un exercice, elle vérifie votre réponse : "
              "remplacez `None` par celle-ci et exécutez la cellule.",
    },
    "check_missing": {"en": "Write your answer in place of None, then run this cell again.",
                      "es": "Escribe tu respuesta en lugar de None y vuelve a ejecutar esta celda.",
                      "zh": "把 None 换成你的答案，然后再次运行这个单元格。",
                      "fr": "Écrivez votre réponse à la place de None, puis exécutez de nouveau cette cellule."},
    "check_right": {"en": "✔ Right.", "es": "✔ Correcto.", "zh": "✔ 正确。", "fr": "✔ Juste."},
    "check_wrong": {"en": "✘ Not yet. {nudge}", "es": "✘ Todavía no. {nudge}", "zh": "✘ 还不对。{nudge}",
                    "fr": "✘ Pas encore. {nudge}"},
    # Progress lines of the lessons' own training loops (shared/training.py, print_epoch).
    "epoch_line": {"en": "epoch {epoch}/{epochs}: loss {loss}, validation accuracy {accuracy}",
                   "es": "época {epoch}/{epochs}: pérdida {loss}, exactitud de validación {accuracy}",
                   "zh": "轮次 {epoch}/{epochs}：损失 {loss}，验证集准确率 {accuracy}",
                   "fr": "époque {epoch}/{epochs} : perte {loss}, exactitude de validation {accuracy}"},
    "epoch_seconds": {"en": ", {seconds} s", "es": ", {seconds} s", "zh": "，{seconds} 秒", "fr": ", {seconds} s"},
    "accuracy_per_class": {"en": "Test accuracy per class", "es": "Exactitud por clase en el conjunto de prueba",
                           "zh": "各类别在测试集上的准确率", "fr": "Exactitude par classe sur l'ensemble de test"},
    # The course's website (tools/site.py): each language's own name, the switcher, the Colab button.
    "language_name": {"en": "English", "es": "Español", "zh": "中文", "fr": "Français"},
    "site_languages": {"en": "Language", "es": "Idioma", "zh": "语言", "fr": "Langue"},
    "site_colab": {"en": "Open in Colab", "es": "Abrir en Colab", "zh": "在 Colab 中打开", "fr": "Ouvrir dans Colab"},
    "site_lessons": {"en": "Lessons", "es": "Lecciones", "zh": "课程", "fr": "Leçons"},
}

# "Label: value" as each language writes it (French puts a no-break space, U+00A0, before the
# colon, as before ; ? ! and % in every French text here; Chinese uses a full-width colon).
PAIR_FORMAT = {"en": "{}: {}", "es": "{}: {}", "zh": "{}：{}", "fr": "{} : {}"}

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
