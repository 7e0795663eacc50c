import sys

from partnerlog.quick import main

sys.exit(main())
