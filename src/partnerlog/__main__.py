import sys

from partnerlog.cli import main

sys.exit(main())
