package io.lazarus.cli.upload;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Flow;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Streams a tarball as a request body straight from disk, drawing a progress bar on {@code progress} when one is
 * given (only on a terminal, and never with {@code --json}, where the frames would corrupt the output).
 */
public final class UploadBody implements BodyPublisher {
  private final BodyPublisher file;
  private final PrintStream progress;
  private final String label;

  private UploadBody(BodyPublisher file, PrintStream progress, String label) {
    this.file = file;
    this.progress = progress;
    this.label = label;
  }

  /** @param progress where to draw the bar, or null for none */
  public static BodyPublisher of(Path path, PrintStream progress) throws FileNotFoundException {
    BodyPublisher file = BodyPublishers.ofFile(path);
    return progress == null ? file : new UploadBody(file, progress, "Uploading " + path.getFileName());
  }

  @Override
  public long contentLength() {
    return file.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(label)
        .setInitialMax(contentLength())
        .setUnit("MiB", 1024 * 1024)
        .setConsumer(new ConsoleProgressBarConsumer(progress))
        .build();
    file.subscribe(new Counting(subscriber, bar));
  }

  private static final class Counting implements Flow.Subscriber<ByteBuffer> {
    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final ProgressBar bar;

    Counting(Flow.Subscriber<? super ByteBuffer> downstream, ProgressBar bar) {
      this.downstream = downstream;
      this.bar = bar;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(ByteBuffer item) {
      bar.stepBy(item.remaining());
      downstream.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      bar.close();
      downstream.onError(throwable);
    }

    @Override
    public void onComplete() {
      bar.close();
      downstream.onComplete();
    }
  }
}
