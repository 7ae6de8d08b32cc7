"""placeholder"""
class IntakeWorker:
    def __init__(self, root, watch_dir=None):
        pass

    def start(self):
        pass

    def stop(self):
        pass
