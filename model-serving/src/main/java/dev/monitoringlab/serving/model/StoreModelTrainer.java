package dev.monitoringlab.serving.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.monitoringlab.models.Distribution;
import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.FilePermissions;
import dev.monitoringlab.serving.data.StoreRecord;
import dev.monitoringlab.serving.drift.ReferenceDistribution;
import dev.monitoringlab.serving.repository.RepositoryWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Trains the store model: logistic regression (a linear model with the log-loss, which for two classes is
 * logistic regression) on standardised inputs, with fixed seeds so the same data gives the same weights.
 * The first 80 % of rows train, the last 20 % are held out for accuracy and ROC AUC; rows are drawn
 * independently, so this split is as good as a shuffled one and needs no extra seed.
 */
public final class StoreModelTrainer {
    public static final String MODEL_FILE = "model.tribuo";
    static final long SEED = 42L;
    static final int EPOCHS = 20;
    static final double LEARNING_RATE = 0.5;
    static final double TRAIN_SHARE = 0.8;
    /** Bins of the reference distributions that drift is scored against: the training deciles. */
    static final int REFERENCE_BINS = 10;

    // Tribuo logs every training run at INFO; keep a strong reference so the level sticks.
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private StoreModelTrainer() {
    }

    /** Trains on {@code dataCsv} and writes {@code outDir/model.tribuo} and {@code outDir/descriptor.json}. */
    public static ModelDescriptor train(Path dataCsv, Long generatorSeed, Path outDir) throws IOException {
        return train(dataCsv, generatorSeed, outDir, null);
    }

    /**
     * The same, and when {@code repository} is given also the version of model.json ({@code specFile}) in that
     * repository, with the artifact in the given format: {@code model.tribuo}, or the same model exported to
     * {@code model.onnx}.
     */
    public static ModelDescriptor train(Path dataCsv, Long generatorSeed, Path outDir, RepositoryTarget repository)
            throws IOException {
        TRIBUO_LOG.setLevel(Level.WARNING);
        List<StoreRecord> records = DatasetCsv.read(dataCsv);
        String dataSha = DatasetCsv.sha256(dataCsv);
        int trainRows = (int) Math.round(records.size() * TRAIN_SHARE);
        if (trainRows < 2 || trainRows >= records.size()) {
            throw new IllegalArgumentException(dataCsv + ": too few rows to hold some out (" + records.size() + ")");
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> train = dataset(records.subList(0, trainRows), "train", dataSha, factory);
        MutableDataset<Label> test = dataset(records.subList(trainRows, records.size()), "test", dataSha, factory);
        if (train.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException(dataCsv + ": the training rows hold only one class");
        }

        LinearSGDTrainer logistic = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1),
                EPOCHS, Integer.MAX_VALUE, 1, SEED);
        TransformTrainer<Label> trainer = new TransformTrainer<>(logistic,
                new TransformationMap(List.of(new MeanStdDevTransformation())));
        Model<Label> model = trainer.train(train);

        LabelEvaluation eval = new LabelEvaluator().evaluate(model, test);
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("objective", "log-loss (LogMulticlass)");
        hyper.put("optimiser", "AdaGrad(learning_rate=" + LEARNING_RATE + ", epsilon=0.1)");
        hyper.put("epochs", EPOCHS);
        hyper.put("minibatch_size", 1);
        hyper.put("seed", SEED);
        Map<String, String> classes = new LinkedHashMap<>();
        for (StoreClass c : StoreClass.values()) {
            classes.put(String.valueOf(c.label()), c.displayName());
        }
        ModelDescriptor descriptor = new ModelDescriptor(
                "store-success",
                "lr-" + sha256(dataSha + hyper).substring(0, 12),
                MODEL_FILE,
                "tribuo-protobuf",
                ModelDescriptor.FEATURES,
                classes,
                "tribuo",
                Tribuo.VERSION,
                "logistic regression (Tribuo LinearSGDTrainer with log-loss)",
                hyper,
                "each input standardised to mean 0, sd 1 with the training split's statistics (inside the model)",
                new ModelDescriptor.TrainingData(dataCsv.getFileName().toString(), dataSha, records.size(), generatorSeed),
                new ModelDescriptor.Split("first " + Math.round(TRAIN_SHARE * 100) + " % of rows train, the rest test",
                        trainRows, records.size() - trainRows),
                new ModelDescriptor.Metrics(round4(eval.accuracy()),
                        round4(eval.AUCROC(new Label(StoreClass.SUCCESSFUL.displayName())))),
                reference(model, records.subList(0, trainRows)));
        writeModelDir(model, descriptor, outDir);
        if (repository != null) {
            writeRepositoryVersion(model, descriptor, records.subList(0, trainRows), repository);
        }
        return descriptor;
    }

    /** Where and how {@link #train} also writes the model as a repository version. */
    public record RepositoryTarget(Path repository, Path specFile, ModelArtifact.Format format) {
    }

    private static void writeRepositoryVersion(Model<Label> model, ModelDescriptor descriptor, List<StoreRecord> train,
                                               RepositoryTarget target) throws IOException {
        ModelSpec spec = ModelRepository.readSpec(target.specFile());
        if (!spec.inputNames().equals(ModelDescriptor.FEATURES)) {
            throw new IllegalArgumentException(target.specFile() + ": the store model's inputs are "
                    + ModelDescriptor.FEATURES + ", in that order");
        }
        byte[] bytes;
        String file;
        if (target.format() == ModelArtifact.Format.ONNX) {
            bytes = StoreOnnxExport.export(model, spec.inputNames(), List.of(spec.className(0), spec.className(1)),
                    Long.parseLong(spec.version()));
            file = "model.onnx";
        } else {
            Path tmp = Files.createTempFile("store-model", ".tribuo");
            try {
                model.serializeToFile(tmp);
                bytes = Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
            file = MODEL_FILE;
        }
        Map<String, Distribution> inputs = new LinkedHashMap<>();
        descriptor.reference().inputs().forEach((name, r) -> inputs.put(name, distribution(r)));
        Map<String, Distribution> outputs = new LinkedHashMap<>();
        outputs.put("label", labelReference(model, train));
        outputs.put("probability", distribution(descriptor.reference().probability()));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("id", descriptor.version());
        training.put("data", descriptor.trainingData());
        training.put("split", descriptor.split());
        training.put("hyperparameters", descriptor.hyperparameters());
        training.put("feature_scaling", descriptor.featureScaling());
        ModelArtifact artifact = new ModelArtifact(target.format(), file, HexFormat.of().formatHex(sha256(bytes)),
                descriptor.library(), descriptor.libraryVersion(), descriptor.algorithm(), training,
                new ModelArtifact.Metrics(descriptor.metrics().accuracy(), descriptor.metrics().rocAuc(),
                        descriptor.split().testRows()),
                new ModelArtifact.Reference(descriptor.reference().binsFrom(), inputs, outputs));
        RepositoryWriter.writeVersion(target.repository(), spec, Files.readString(target.specFile()), spec.version(),
                artifact, bytes);
    }

    private static Distribution distribution(ReferenceDistribution r) {
        return new Distribution(r.upperBounds(), r.shares());
    }

    /** The predicted class on the training split: bin 0 holds code 0, the open bin above 0 holds code 1. */
    private static Distribution labelReference(Model<Label> model, List<StoreRecord> train) {
        String[] names = ModelDescriptor.FEATURES.toArray(String[]::new);
        long ones = 0;
        for (StoreRecord r : train) {
            double p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names,
                    new double[] {r.itemsCount(), r.customersCount()})).getOutputScores()
                    .get(StoreClass.SUCCESSFUL.displayName()).getScore();
            ones += p >= 0.5 ? 1 : 0;
        }
        double share1 = Math.min(1 - 1e-4, Math.max(1e-4, Math.round(ones * 1e6 / train.size()) / 1e6));
        return new Distribution(List.of(0.0), List.of(Math.round((1 - share1) * 1e6) / 1e6, share1));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The training split's deciles of each input and of the model's own predicted probability on it. */
    private static ModelDescriptor.Reference reference(Model<Label> model, List<StoreRecord> train) {
        double[] items = new double[train.size()];
        double[] customers = new double[train.size()];
        double[] probability = new double[train.size()];
        String[] names = ModelDescriptor.FEATURES.toArray(String[]::new);
        for (int i = 0; i < train.size(); i++) {
            StoreRecord r = train.get(i);
            items[i] = r.itemsCount();
            customers[i] = r.customersCount();
            probability[i] = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names,
                    new double[] {r.itemsCount(), r.customersCount()})).getOutputScores()
                    .get(StoreClass.SUCCESSFUL.displayName()).getScore();
        }
        Map<String, ReferenceDistribution> inputs = new LinkedHashMap<>();
        inputs.put(ModelDescriptor.FEATURES.get(0), ReferenceDistribution.fromSample(items, REFERENCE_BINS));
        inputs.put(ModelDescriptor.FEATURES.get(1), ReferenceDistribution.fromSample(customers, REFERENCE_BINS));
        return new ModelDescriptor.Reference("training split, " + REFERENCE_BINS + " bins at the deciles", inputs,
                ReferenceDistribution.fromSample(probability, REFERENCE_BINS));
    }

    private static MutableDataset<Label> dataset(List<StoreRecord> rows, String part, String sha, LabelFactory factory) {
        // a fixed timestamp keeps the data provenance identical from build to build
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(
                "stores_dataset.csv sha256=" + sha + " (" + part + ")",
                OffsetDateTime.of(2022, 7, 27, 0, 0, 0, 0, ZoneOffset.UTC), factory);
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        String[] names = ModelDescriptor.FEATURES.toArray(String[]::new);
        for (StoreRecord r : rows) {
            Label label = new Label(StoreClass.ofLabel(r.label()).displayName());
            examples.add(new ArrayExample<>(label, names, new double[] {r.itemsCount(), r.customersCount()}));
        }
        return new MutableDataset<>(examples, provenance, factory);
    }

    /** Writes into a sibling temp dir, then swaps it in, so a failed run never leaves half a model dir. */
    private static void writeModelDir(Model<Label> model, ModelDescriptor descriptor, Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try {
            model.serializeToFile(tmp.resolve(MODEL_FILE));
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(tmp.resolve(ModelDescriptor.FILE_NAME),
                    json.writeValueAsString(descriptor) + "\n", StandardCharsets.UTF_8);
            FilePermissions.readableByAll(tmp, true);
            FilePermissions.readableByAll(tmp.resolve(MODEL_FILE), false);
            FilePermissions.readableByAll(tmp.resolve(ModelDescriptor.FILE_NAME), false);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
